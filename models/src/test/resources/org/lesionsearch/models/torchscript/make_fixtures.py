"""Writes the TorchScript fixtures that the import tests load.

Run with a Python that has PyTorch (Debian: apt-get install python3-torch):
    /usr/bin/python3 make_fixtures.py
Weights follow closed formulas so the Java tests can compute the expected outputs.
"""
import torch


class Embedder(torch.nn.Module):
    """embedding[j] = sum_k W[j, k] * channel_mean[k] over the two scales' 3 channel means."""

    def __init__(self):
        super().__init__()
        j = torch.arange(1024, dtype=torch.float32).unsqueeze(1)
        k = torch.arange(6, dtype=torch.float32).unsqueeze(0)
        self.weight = torch.nn.Parameter(torch.cos(0.01 * (j + 1) * (k + 1)))

    def forward(self, focus: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
        means = torch.cat([focus.mean(dim=(2, 3)), context.mean(dim=(2, 3))], dim=1)
        return means @ self.weight.t()


class Labeler(torch.nn.Module):
    """logit[c] = (c + 1) / 171 * (channel_mean[0] - channel_mean[2]) + bias[c], bias[c] = c / 171 - 0.5."""

    def __init__(self):
        super().__init__()
        c = torch.arange(171, dtype=torch.float32)
        self.scale = torch.nn.Parameter((c + 1) / 171)
        self.bias = torch.nn.Parameter(c / 171 - 0.5)

    def forward(self, context: torch.Tensor) -> torch.Tensor:
        m = context.mean(dim=(2, 3))
        return (m[:, 0] - m[:, 2]).unsqueeze(1) * self.scale.unsqueeze(0) + self.bias.unsqueeze(0)


class SliceScorer(torch.nn.Module):
    """score = 10 * mean of the middle channel - 2."""

    def forward(self, region: torch.Tensor) -> torch.Tensor:
        return 10.0 * region[:, 1].mean(dim=(1, 2)).unsqueeze(1) - 2.0


if __name__ == "__main__":
    torch.jit.script(Embedder()).save("embedder.pt")
    torch.jit.script(Labeler()).save("labeler.pt")
    torch.jit.script(SliceScorer()).save("ssbr.pt")
