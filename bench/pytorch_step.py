#!/usr/bin/python3
"""PyTorch reference for the device training step of ML-ECS (AMT stage), for speed comparison only.

Same architecture as core/src/main/java/io/mlecs/core/model/UnifiedModelGraph.java:
  per-modality encoders Linear(dim, e) - GELU - Linear(e, e); projector Linear(e, d_s);
  masked mean of the present projections; fusion MLP Linear(d_s, d_s) - GELU - Linear(d_s, d_s);
  soft-prompt generator Linear(d_s, h) - GELU - Linear(h, P * d) -> P soft tokens;
  pre-norm causal transformer over [soft tokens; instruction; BOS; target shifted right] with
  learned positions, no attention biases, LoRA W + (alpha / r) B A on q and v (LoRA dropout on the
  LoRA input), MLP Linear(d, 4d) - GELU - Linear(4d, d); final layer norm; logits tied to the token
  embedding, computed only at the target positions; softmax cross-entropy averaged over scored
  positions (weight 1 up to and including EOS).
Trainable as in AMT (TrainableSets.deviceAmt): encoders and LoRA; everything else frozen (the
gradient still flows through the connector and the backbone). Adam (lr 2e-3).

Timed: forward + backward + Adam step + zero_grad on pre-built minibatch tensors, ms per step,
median over --steps steps after --warmup steps; also per-step thread CPU time.
Run with Debian's torch: OMP_NUM_THREADS=1 /usr/bin/python3 bench/pytorch_step.py
Never a dependency of the build or the tests.
"""
import argparse
import json
import math
import os
import platform
import statistics
import sys
import time

import torch
import torch.nn.functional as F


def parse():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    # defaults = ModelConfig.deviceDefault() on the synthetic VAST-like data (BenchMain's config)
    p.add_argument("--vocab", type=int, default=40)
    p.add_argument("--d-model", type=int, default=64)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--layers", type=int, default=2)
    p.add_argument("--ff-multiplier", type=int, default=4)
    p.add_argument("--encoder-dim", type=int, default=64)
    p.add_argument("--latent-dim", type=int, default=64)
    p.add_argument("--prompt-tokens", type=int, default=4)
    p.add_argument("--prompt-hidden", type=int, default=64)
    p.add_argument("--lora-rank", type=int, default=8)
    p.add_argument("--lora-alpha", type=float, default=16.0)
    p.add_argument("--lora-dropout", type=float, default=0.05)
    p.add_argument("--modality-dims", default="24,12,16")
    p.add_argument("--instruction-tokens", type=int, default=3)
    p.add_argument("--target-tokens", type=int, default=10)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--steps", type=int, default=120)
    p.add_argument("--batches", type=int, default=8, help="distinct minibatches cycled through")
    p.add_argument("--seed", type=int, default=42)
    return p.parse_args()


class Model(torch.nn.Module):
    def __init__(self, a, dims):
        super().__init__()
        d, e, s = a.d_model, a.encoder_dim, a.latent_dim
        self.a = a
        self.enc = torch.nn.ModuleList()
        self.proj = torch.nn.ModuleList()
        for dim in dims:
            self.enc.append(torch.nn.ModuleList([torch.nn.Linear(dim, e), torch.nn.Linear(e, e)]))
            self.proj.append(torch.nn.Linear(e, s))
        self.fuse1 = torch.nn.Linear(s, s)
        self.fuse2 = torch.nn.Linear(s, s)
        self.spg1 = torch.nn.Linear(s, a.prompt_hidden)
        self.spg2 = torch.nn.Linear(a.prompt_hidden, a.prompt_tokens * d)
        self.t = a.prompt_tokens + a.instruction_tokens + a.target_tokens
        self.tok = torch.nn.Parameter(torch.randn(a.vocab, d) * 0.02)
        self.pos = torch.nn.Parameter(torch.randn(self.t, d) * 0.01)
        f = a.ff_multiplier * d
        self.blocks = torch.nn.ModuleList()
        for _ in range(a.layers):
            b = torch.nn.Module()
            b.ln1 = torch.nn.LayerNorm(d, eps=1e-5)
            b.wq = torch.nn.Parameter(torch.randn(d, d) * 0.02)
            b.wk = torch.nn.Parameter(torch.randn(d, d) * 0.02)
            b.wv = torch.nn.Parameter(torch.randn(d, d) * 0.02)
            b.wo = torch.nn.Parameter(torch.randn(d, d) * 0.02)
            bound = 1.0 / math.sqrt(d)
            b.qa = torch.nn.Parameter((torch.rand(d, a.lora_rank) * 2 - 1) * bound)
            b.qb = torch.nn.Parameter(torch.zeros(a.lora_rank, d))
            b.va = torch.nn.Parameter((torch.rand(d, a.lora_rank) * 2 - 1) * bound)
            b.vb = torch.nn.Parameter(torch.zeros(a.lora_rank, d))
            b.ln2 = torch.nn.LayerNorm(d, eps=1e-5)
            b.mlp1 = torch.nn.Linear(d, f)
            b.mlp2 = torch.nn.Linear(f, d)
            self.blocks.append(b)
        self.lnf = torch.nn.LayerNorm(d, eps=1e-5)
        causal = torch.full((self.t, self.t), -1e9).triu(1)
        self.register_buffer("causal", causal)

    def lora(self, h, w, la, lb):
        x = F.dropout(h, self.a.lora_dropout, self.training)
        return h @ w + (x @ la @ lb) * (self.a.lora_alpha / self.a.lora_rank)

    def forward(self, feats, mask, tokens):
        a = self.a
        d, heads = a.d_model, a.heads
        dh = d // heads
        total = None
        for i, x in enumerate(feats):
            enc1, enc2 = self.enc[i]
            p = self.proj[i](enc2(F.gelu(enc1(x))))
            m = p * mask[:, i:i + 1]
            total = m if total is None else total + m
        mean = total / mask.sum(1, keepdim=True).clamp(min=1.0)
        fused = self.fuse2(F.gelu(self.fuse1(mean)))
        soft = self.spg2(F.gelu(self.spg1(fused))).reshape(-1, a.prompt_tokens, d)
        bsz = soft.shape[0]
        x = torch.cat([soft, F.embedding(tokens, self.tok)], 1) + self.pos
        t = self.t
        for b in self.blocks:
            h = b.ln1(x).reshape(-1, d)
            q = self.lora(h, b.wq, b.qa, b.qb).reshape(bsz, t, heads, dh).transpose(1, 2)
            k = (h @ b.wk).reshape(bsz, t, heads, dh).transpose(1, 2)
            v = self.lora(h, b.wv, b.va, b.vb).reshape(bsz, t, heads, dh).transpose(1, 2)
            att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(dh) + self.causal, -1)
            ctx = (att @ v).transpose(1, 2).reshape(-1, d)
            x = x + (ctx @ b.wo).reshape(bsz, t, d)
            x = x + b.mlp2(F.gelu(b.mlp1(b.ln2(x))))
        out = self.lnf(x)[:, t - a.target_tokens:, :].reshape(-1, d)
        return out @ self.tok.t()


def main():
    a = parse()
    torch.manual_seed(a.seed)
    torch.set_num_threads(a.threads)
    dims = [int(x) for x in a.modality_dims.split(",")]
    model = Model(a, dims)
    trainable = []
    for name, p in model.named_parameters():
        train = name.startswith("enc.") or name.split(".")[-1] in ("qa", "qb", "va", "vb")
        p.requires_grad_(train)
        if train:
            trainable.append(p)
    opt = torch.optim.Adam(trainable, lr=a.lr, betas=(0.9, 0.999), eps=1e-8)
    tx = a.instruction_tokens + a.target_tokens
    batches = []
    for _ in range(a.batches):
        feats = [torch.randn(a.batch, dim) for dim in dims]
        mask = torch.ones(a.batch, len(dims))
        tokens = torch.randint(4, a.vocab, (a.batch, tx))
        targets = torch.randint(4, a.vocab, (a.batch * a.target_tokens,))
        weights = (torch.rand(a.batch * a.target_tokens) < 0.8).float()
        batches.append((feats, mask, tokens, targets, weights))
    model.train()

    def step(i):
        feats, mask, tokens, targets, weights = batches[i % len(batches)]
        logits = model(feats, mask, tokens)
        ce = F.cross_entropy(logits, targets, reduction="none")
        loss = (ce * weights).sum() / (weights != 0).sum().clamp(min=1)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        return loss.item()

    for i in range(a.warmup):
        step(i)
    ms, cpu = [], []
    for i in range(a.steps):
        c0 = time.thread_time()
        t0 = time.perf_counter()
        step(i)
        ms.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.thread_time() - c0) * 1e3)

    def summary(xs):
        s = sorted(xs)
        q = lambda f: s[min(len(s) - 1, int(round(f * (len(s) - 1))))]
        return {"n": len(xs), "median": round(statistics.median(xs), 3), "p10": round(q(0.1), 3),
                "p90": round(q(0.9), 3), "min": round(s[0], 3), "max": round(s[-1], 3)}

    try:
        load = open("/proc/loadavg").read().split()[:3]
    except OSError:
        load = []
    med = statistics.median(ms)
    t = a.prompt_tokens + tx
    print(json.dumps({
        "benchmark": "pytorch reference, device AMT step",
        "config": vars(a),
        "sequence_length": t,
        "versions": {"python": platform.python_version(), "torch": torch.__version__},
        "machine": {"cores": os.cpu_count(), "arch": platform.machine(),
                    "torch_threads": torch.get_num_threads(),
                    "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS")},
        "trainable_scalars": sum(p.numel() for p in trainable),
        "ms_per_step": summary(ms),
        "thread_cpu_ms_per_step": summary(cpu),
        "samples_per_s": round(a.batch * 1000 / med, 1),
        "tokens_per_s": round(a.batch * t * 1000 / med, 1),
        "load_average_end": load,
        "timed": "forward + backward + Adam + zero_grad on pre-built tensors (no batch encoding)",
    }, indent=2))


if __name__ == "__main__":
    sys.exit(main())
