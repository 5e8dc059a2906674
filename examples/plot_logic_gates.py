"""
McCulloch-Pitts neurons: logic gates from threshold units
=========================================================

A McCulloch-Pitts neuron fires when enough of its excitatory inputs are
active, unless an inhibitory input vetoes it. One such unit computes AND, OR,
NOT or "A AND NOT B"; XOR = (A AND NOT B) OR (B AND NOT A) needs two layers.
A trained ``Perceptron`` learns AND but never XOR: its mistakes per epoch fall
to zero on AND and never do on XOR.

Prints every truth table and plots the perceptron's mistakes per epoch.
"""

import warnings
import matplotlib.pyplot as plt
from sklearn.exceptions import ConvergenceWarning

from skneural import Perceptron, make_logic_network
from skneural.datasets import make_logic_gate

for gate in ["identity", "not", "and", "or", "a_and_not_b", "xor"]:
    network = make_logic_network(gate)
    X, output = network.truth_table()
    rows = ", ".join(f"{''.join(map(str, x))}->{o}" for x, o in zip(X, output))
    print(f"{gate:12s} {network!r:45s} {rows}")

fig, ax = plt.subplots(figsize=(6, 4), constrained_layout=True)
for gate in ["and", "or", "xor"]:
    X, y = make_logic_gate(gate)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = Perceptron(step="heaviside", tol=None, max_iter=15, shuffle=False).fit(X, y)
    ax.plot(range(1, model.n_iter_ + 1), model.mistakes_curve_, marker="o", label=gate)
ax.set(xlabel="epoch", ylabel="mistakes", title="Perceptron rule on the truth tables")
ax.legend()
plt.show()
