"""annviz: look inside an artificial neural network while it works and while it learns.

Layout (see ARCHITECTURE.md): ``annviz.nn`` is the network, ``annviz.data`` the datasets and the
drawing-to-input preprocessing (both NumPy only, never Qt); ``annviz.gui`` is the Qt application;
``annviz.cli`` is the command line.
"""

__version__ = "0.1.0"
