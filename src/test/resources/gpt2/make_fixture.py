#!/usr/bin/env python3
"""Reference fixture for cptbench's GPT-2 support: a tiny random GPT-2 in Hugging Face layout plus its hidden states.

Written from the GPT-2 definition (Radford et al. 2019, OpenAI's gpt-2 src/model.py and encoder.py; the semantics of
Hugging Face transformers' GPT2Model and tokenizers' byte-level BPE), independently of cptbench's Java code. Uses only
the Python standard library and numpy (Debian: apt-get install python3-numpy). Run from this folder:

    python3 make_fixture.py          # rewrites tiny/ (config.json, model.safetensors, tokenizer.json, expected.json)

The model: vocab = 256 byte tokens + the merges of a byte-level BPE trained below + <|endoftext|>, 2 layers,
4 heads, width 32, 24 positions, MLP 4 x 32, GELU tanh approximation ("gelu_new"), LayerNorm eps 1e-5.
Weights are drawn from a seeded numpy Generator with larger spreads than GPT-2's N(0, 0.02) so that every part of
the computation moves the output. The forward pass runs in float64; expected.json holds, per sequence, the token
ids and the last layer's hidden states after ln_f (float32-rounded), for GPT2Model without padding or mask.
"""
import json
import os
import re
import struct

import numpy as np

SEED = 20261130
N_EMBD, N_LAYER, N_HEAD, N_POSITIONS, N_MERGES = 32, 2, 4, 24, 60
EPS = 1e-5
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tiny")

TRAIN_TEXT = (
    "The quick brown fox jumps over the lazy dog. The dog sleeps in the sun, and the fox runs into the woods. "
    "A search engine ranks the documents that answer a question; an embedding maps a text to a vector. "
    "They said the model's vectors were good, but we'll see: there're tests for that, and it's the tests that count. "
    "In 2022 the paper trained encoders with contrastive pre-training on 1,000,000 pairs of neighbouring texts."
)
TEXTS = [
    "The fox jumps over the dog.",
    "an embedding maps text",
    "It's 2022; they're here!",
    "zebra {x} [y]",
]

# GPT-2's split pattern with \p{L} and \p{N} restricted to ASCII letters and digits; the fixture texts are ASCII,
# where both patterns split identically.
PATTERN = re.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?[A-Za-z]+| ?[0-9]+| ?[^\sA-Za-z0-9]+|\s+(?!\S)|\s+""")


def bytes_to_unicode():
    """GPT-2's reversible map from the 256 byte values to printable characters (encoder.py)."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, (chr(c) for c in cs)))


BYTE_CHAR = bytes_to_unicode()


def words(text):
    assert text.isascii(), text
    return ["".join(BYTE_CHAR[b] for b in piece.encode("utf-8")) for piece in PATTERN.findall(text)]


def train_bpe(text, n_merges):
    """Greedy BPE (Sennrich et al. 2016) over pre-tokenised words: merge the most frequent adjacent pair; ties go to
    the pair that sorts first."""
    counts = {}
    for w in words(text):
        counts[tuple(w)] = counts.get(tuple(w), 0) + 1
    merges = []
    for _ in range(n_merges):
        pairs = {}
        for w, c in counts.items():
            for a, b in zip(w, w[1:]):
                pairs[(a, b)] = pairs.get((a, b), 0) + c
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append(best)
        new = {}
        for w, c in counts.items():
            out, i = [], 0
            while i < len(w):
                if i + 1 < len(w) and (w[i], w[i + 1]) == best:
                    out.append(w[i] + w[i + 1])
                    i += 2
                else:
                    out.append(w[i])
                    i += 1
            new[tuple(out)] = new.get(tuple(out), 0) + c
        counts = new
    return merges


def bpe_encode(text, vocab, ranks):
    """GPT-2's bpe(): in each word, repeatedly merge the adjacent pair of lowest merge rank."""
    ids = []
    for w in words(text):
        parts = list(w)
        while len(parts) > 1:
            pairs = [(ranks.get((a, b), 1 << 30), i) for i, (a, b) in enumerate(zip(parts, parts[1:]))]
            rank, i = min(pairs)
            if rank == 1 << 30:
                break
            first, second = parts[i], parts[i + 1]
            out, j = [], 0
            while j < len(parts):
                if j + 1 < len(parts) and parts[j] == first and parts[j + 1] == second:
                    out.append(first + second)
                    j += 2
                else:
                    out.append(parts[j])
                    j += 1
            parts = out
        ids.extend(vocab[p] for p in parts)
    return ids


def gelu_new(x):
    return 0.5 * x * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * x**3)))


def layer_norm(x, g, b):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + EPS) * g + b


def conv1d(x, w, b):
    """transformers' Conv1D: weight is [in, out], y = x @ w + b."""
    return x @ w + b


def gpt2_forward(p, ids):
    """GPT2Model.forward for one unpadded sequence: the last hidden state after ln_f, float64."""
    t = len(ids)
    h = p["wte.weight"][ids] + p["wpe.weight"][:t]
    dh = N_EMBD // N_HEAD
    causal = np.tril(np.ones((t, t), dtype=bool))
    for l in range(N_LAYER):
        q_ = f"h.{l}."
        a = layer_norm(h, p[q_ + "ln_1.weight"], p[q_ + "ln_1.bias"])
        qkv = conv1d(a, p[q_ + "attn.c_attn.weight"], p[q_ + "attn.c_attn.bias"])
        q, k, v = np.split(qkv, 3, axis=-1)
        q, k, v = (m.reshape(t, N_HEAD, dh).transpose(1, 0, 2) for m in (q, k, v))
        s = q @ k.transpose(0, 2, 1) / np.sqrt(dh)
        s = np.where(causal, s, -np.inf)
        s = np.exp(s - s.max(-1, keepdims=True))
        s = s / s.sum(-1, keepdims=True)
        ctx = (s @ v).transpose(1, 0, 2).reshape(t, N_EMBD)
        h = h + conv1d(ctx, p[q_ + "attn.c_proj.weight"], p[q_ + "attn.c_proj.bias"])
        m = layer_norm(h, p[q_ + "ln_2.weight"], p[q_ + "ln_2.bias"])
        m = gelu_new(conv1d(m, p[q_ + "mlp.c_fc.weight"], p[q_ + "mlp.c_fc.bias"]))
        h = h + conv1d(m, p[q_ + "mlp.c_proj.weight"], p[q_ + "mlp.c_proj.bias"])
    return layer_norm(h, p["ln_f.weight"], p["ln_f.bias"])


def random_params(rng, vocab_size):
    d, f = N_EMBD, 4 * N_EMBD
    p = {"wte.weight": rng.normal(0, 0.5, (vocab_size, d)), "wpe.weight": rng.normal(0, 0.3, (N_POSITIONS, d))}
    for l in range(N_LAYER):
        q_ = f"h.{l}."
        p[q_ + "ln_1.weight"] = 1 + rng.normal(0, 0.2, d)
        p[q_ + "ln_1.bias"] = rng.normal(0, 0.1, d)
        p[q_ + "attn.c_attn.weight"] = rng.normal(0, 0.3, (d, 3 * d))
        p[q_ + "attn.c_attn.bias"] = rng.normal(0, 0.1, 3 * d)
        p[q_ + "attn.c_proj.weight"] = rng.normal(0, 0.2, (d, d))
        p[q_ + "attn.c_proj.bias"] = rng.normal(0, 0.1, d)
        p[q_ + "ln_2.weight"] = 1 + rng.normal(0, 0.2, d)
        p[q_ + "ln_2.bias"] = rng.normal(0, 0.1, d)
        p[q_ + "mlp.c_fc.weight"] = rng.normal(0, 0.3, (d, f))
        p[q_ + "mlp.c_fc.bias"] = rng.normal(0, 0.1, f)
        p[q_ + "mlp.c_proj.weight"] = rng.normal(0, 0.15, (f, d))
        p[q_ + "mlp.c_proj.bias"] = rng.normal(0, 0.1, d)
    p["ln_f.weight"] = 1 + rng.normal(0, 0.2, d)
    p["ln_f.bias"] = rng.normal(0, 0.1, d)
    # float32 is what the file holds; the reference computes with exactly those values
    return {k: v.astype(np.float32).astype(np.float64) for k, v in p.items()}


def write_safetensors(path, tensors):
    """The safetensors layout: u64 LE header length, JSON header (sorted names, padded with spaces to 8 bytes),
    then each tensor's little-endian bytes in name order."""
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name in sorted(tensors):
        a = np.ascontiguousarray(tensors[name], dtype="<f4")
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + a.nbytes]}
        blobs.append(a.tobytes())
        offset += a.nbytes
    h = json.dumps(header, separators=(",", ":")).encode("utf-8")
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def read_safetensors(path):
    """A minimal reader, used to check that the written file reads back."""
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + n])
    out = {}
    for name, e in header.items():
        if name != "__metadata__":
            b, end = e["data_offsets"]
            out[name] = np.frombuffer(data[8 + n + b : 8 + n + end], dtype="<f4").reshape(e["shape"])
    return out


def tokenizer_json(vocab, merges, eot_id):
    byte_level = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": eot_id, "content": "<|endoftext|>", "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": True, "special": True}
        ],
        "normalizer": None,
        "pre_tokenizer": byte_level,
        "post_processor": dict(byte_level, trim_offsets=False),
        "decoder": byte_level,
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
                  "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                  "vocab": vocab, "merges": [a + " " + b for a, b in merges]},
    }


def main():
    rng = np.random.default_rng(SEED)
    merges = train_bpe(TRAIN_TEXT, N_MERGES)
    vocab = {c: i for i, c in enumerate(BYTE_CHAR[b] for b in BYTE_CHAR)}
    for a, b in merges:
        vocab[a + b] = len(vocab)
    eot = len(vocab)
    vocab["<|endoftext|>"] = eot
    vocab_size = len(vocab)
    ranks = {m: i for i, m in enumerate(merges)}
    params = random_params(rng, vocab_size)

    sequences = [{"text": t, "ids": bpe_encode(t, vocab, ranks)} for t in TEXTS]
    sequences.append({"text": None, "ids": [int(i) for i in rng.integers(0, vocab_size, N_POSITIONS)]})
    for s in sequences:
        assert 0 < len(s["ids"]) <= N_POSITIONS, s
        s["hidden"] = [[float(np.float32(x)) for x in row] for row in gpt2_forward(params, s["ids"])]

    os.makedirs(OUT, exist_ok=True)
    tensors = dict(params)
    for l in range(N_LAYER):  # the causal-mask buffer older GPT-2 checkpoints carry; readers must skip it
        tensors[f"h.{l}.attn.bias"] = np.tril(np.ones((N_POSITIONS, N_POSITIONS)))[None, None]
    write_safetensors(os.path.join(OUT, "model.safetensors"), tensors)
    back = read_safetensors(os.path.join(OUT, "model.safetensors"))
    assert all(np.array_equal(back[k], tensors[k].astype(np.float32)) for k in tensors)
    config = {
        "architectures": ["GPT2Model"], "model_type": "gpt2", "activation_function": "gelu_new",
        "vocab_size": vocab_size, "n_positions": N_POSITIONS, "n_ctx": N_POSITIONS, "n_embd": N_EMBD,
        "n_layer": N_LAYER, "n_head": N_HEAD, "n_inner": None, "layer_norm_epsilon": EPS, "resid_pdrop": 0.1,
        "embd_pdrop": 0.1, "attn_pdrop": 0.1, "initializer_range": 0.02, "scale_attn_weights": True,
        "bos_token_id": eot, "eos_token_id": eot, "torch_dtype": "float32",
    }
    with open(os.path.join(OUT, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    with open(os.path.join(OUT, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tokenizer_json(vocab, merges, eot), f, indent=1, ensure_ascii=False)
        f.write("\n")
    expected = {
        "generator": "src/test/resources/gpt2/make_fixture.py (numpy " + np.__version__ + ")",
        "definition": "GPT2Model last_hidden_state (after ln_f), no padding, float64 reference rounded to float32",
        "sequences": sequences,
    }
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f)
        f.write("\n")
    print("wrote", OUT, "vocab", vocab_size, "merges", len(merges), [len(s["ids"]) for s in sequences])


if __name__ == "__main__":
    main()
