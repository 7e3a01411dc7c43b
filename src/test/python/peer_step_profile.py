#!/usr/bin/python3
"""Where the peer's bf16 training step spends its time: torch.profiler self time per ATen operation.

Builds the model of ../shared/peers/train_peer.py (imported from there, not copied) for a preset, runs warm-up
steps under torch.autocast("cpu", bfloat16), then profiles five steps and prints the step time, the share of the
matrix products (mm, addmm, bmm) and the largest operations. The README's "What 1.5x would take" table came
from it. Run with the Debian interpreter and the peer's settings:

    env -u OPENBLAS_CORETYPE ATEN_CPU_CAPABILITY=avx512 \\
      GLIBC_TUNABLES=glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=17179869184 \\
      /usr/bin/python3 src/test/python/peer_step_profile.py --preset tiny [--peers ../shared/peers]
"""
import argparse
import collections
import math
import os
import sys
import time

import torch
from torch.profiler import ProfilerActivity, profile

PRODUCTS = ("aten::mm", "aten::addmm", "aten::bmm", "aten::baddbmm")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--preset", default="tiny")
    ap.add_argument("--objective", choices=["contrastive", "lm"], default="contrastive")
    ap.add_argument("--peers", default=os.path.join(os.path.dirname(__file__), "../../../../shared/peers"))
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    sys.path.insert(0, os.path.abspath(args.peers))
    import train_peer as tp

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    cfg = tp.PRESETS[args.preset]
    gen = torch.Generator().manual_seed(0)
    enc = tp.Encoder(cfg["vocab"], cfg["d_model"], cfg["layers"], cfg["heads"], cfg["ffn"], cfg["seq_len"])
    lm = args.objective == "lm"
    model = tp.CausalLm(enc, cfg["seq_len"]) if lm else tp.CptText(enc, math.log(1 / 0.07))
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.01)
    b, t = cfg["batch"], cfg["seq_len"]
    x, xe = tp.make_batch(gen, b, t, cfg["vocab"])
    y, ye = tp.make_batch(gen, b, t, cfg["vocab"])

    def step():
        opt.zero_grad(set_to_none=True)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            loss = model.loss(x) if lm else model.loss(x, xe, y, ye)
        loss.backward()
        opt.step()

    for _ in range(3):
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    plain = (time.perf_counter() - start) / args.steps
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        for _ in range(args.steps):
            step()
    self_ms = collections.Counter()
    for e in prof.key_averages():
        self_ms[e.key] += e.self_cpu_time_total / args.steps / 1000
    total = sum(self_ms.values())
    products = sum(v for k, v in self_ms.items() if k in PRODUCTS)
    print(f"{args.preset} {args.objective} bf16: {plain * 1000:.1f} ms per step unprofiled; "
          f"profiled self time {total:.1f} ms; products {products:.1f} ms ({100 * products / total:.0f} %)")
    for k, v in self_ms.most_common(16):
        print(f"  {k:40s} {v:9.2f} ms  {100 * v / total:5.1f} %")


if __name__ == "__main__":
    main()
