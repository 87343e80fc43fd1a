"""The neuron lab: one neuron, a perceptron that learns, a small network on the plane.

``annviz.gui.lab.page.LabPage`` is the page; ``python -m annviz.gui.lab`` opens it alone. The
package's ``*_model`` modules are plain NumPy (no Qt is imported here, so they stay testable).
"""
