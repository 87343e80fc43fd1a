"""Touching one neuron of a trained network: switch it off, shift its bias, scale its incoming weights.

What the explorer's "touch a neuron" controls do (issue 12): a learner asks "what does this
neuron do?" by changing it and watching the answers change. Each edit gives a new network, a
copy; the network edited is never changed, so "restore" is simply the original object.

For hidden neuron i of layer l (l counts the layers of ``sizes``: 1 is the first hidden layer):

- switched off: its outgoing weights are zero, W⁽ˡ⁺¹⁾[:, i] = 0 — the next layer no longer hears
  it, whatever its activation (a sigmoid neuron's a = 0.5 would still be heard if only a were 0);
- bias shifted by Δb:            b⁽ˡ⁾ᵢ ← b⁽ˡ⁾ᵢ + Δb;
- incoming weights scaled by s:  W⁽ˡ⁾[i, :] ← s · W⁽ˡ⁾[i, :].
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annviz.nn.network import Network


@dataclass(frozen=True)
class NeuronEdit:
    """The change made to hidden neuron ``index`` (from 0) of layer ``layer`` (1 = first hidden)."""

    layer: int
    index: int
    off: bool = False            # outgoing weights zeroed
    bias_shift: float = 0.0      # Δb added to its bias
    weight_scale: float = 1.0    # s multiplying its incoming weights

    @property
    def changes_nothing(self) -> bool:
        return not self.off and self.bias_shift == 0 and self.weight_scale == 1

    def check(self, network: Network) -> None:
        """ValueError unless the neuron is a hidden neuron of ``network``."""
        if not 1 <= self.layer <= len(network.sizes) - 2:
            raise ValueError(f"layer {self.layer} is not a hidden layer of {network.describe()}")
        if not 0 <= self.index < network.sizes[self.layer]:
            raise ValueError(f"hidden layer {self.layer} has no neuron {self.index} "
                             f"(it has {network.sizes[self.layer]})")


def apply_edits(network: Network, edits: Iterable[NeuronEdit]) -> Network:
    """A copy of ``network`` with every edit made (at most one per neuron, as the GUI keeps them)."""
    edited = network.copy()
    for edit in edits:
        edit.check(network)
        w_in, b = edited.weights[edit.layer - 1], edited.biases[edit.layer - 1]   # (n_l, n_{l-1}), (n_l,)
        w_in[edit.index, :] *= edit.weight_scale
        b[edit.index] += edit.bias_shift
        if edit.off:
            edited.weights[edit.layer][:, edit.index] = 0.0                        # W⁽ˡ⁺¹⁾[:, i]
    return edited
