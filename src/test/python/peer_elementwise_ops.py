#!/usr/bin/python3
"""The operations of ElementwiseOpsBenchmark (src/jmh), timed in PyTorch: the peer's runtime.

Same shapes (a tiny-preset encoding batch: 256 x 32 tokens, width 128, MLP 512), no autograd, 2 threads by
default. Run with the Debian interpreter beside `./harness bench ElementwiseOpsBenchmark`, with the same
GLIBC_TUNABLES, and compare ms per call:

    /usr/bin/python3 src/test/python/peer_elementwise_ops.py [--threads 2]
"""
import argparse
import time

import torch
import torch.nn.functional as F


def timed(name, fn, calls=200):
    for _ in range(20):
        fn()
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    print("%-28s %8.3f ms" % (name, (time.perf_counter() - start) / calls * 1000))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    print("torch", torch.__version__, "threads", torch.get_num_threads())
    x = torch.randn(256, 32, 128)
    x_bf16 = x.bfloat16()
    mlp_bf16 = torch.randn(256, 32, 512).bfloat16()
    gamma, beta = torch.ones(128), torch.zeros(128)
    w, b = torch.randn(384, 128) * 0.02, torch.zeros(384)
    with torch.no_grad():
        timed("castToBf16", lambda: x.bfloat16())
        timed("layerNormFp32", lambda: F.layer_norm(x, (128,), gamma, beta, 1e-5))
        with torch.autocast("cpu", dtype=torch.bfloat16):
            timed("linearAutocastFp32Input", lambda: F.linear(x, w, b))
            timed("linearAutocastBf16Input", lambda: F.linear(x_bf16, w, b))
        timed("addFp32Bf16", lambda: x + x_bf16)
        timed("geluBf16", lambda: F.gelu(mlp_bf16))


if __name__ == "__main__":
    main()
