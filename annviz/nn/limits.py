"""The bounds on a network's size that every place reading or making one shares: the command
line, the GUI's architecture editor, model files, PyTorch files, recordings and the layers of a
convolutional network. Nothing imported: the lowest module of ``annviz.nn``, so that
``config.py`` and ``layers.py`` both use it without importing each other.
"""

#: The most neurons one layer may have, anywhere a size is read: the command line, the GUI's
#: architecture editor, model files and data files. 2048 × 2048 float32 weights are 16 MB, and Adam
#: keeps two more of each; a million-neuron layer from a typo or a hostile file never allocates.
MAX_LAYER_SIZE = 2048
#: The most weight layers a network may have (same places as above).
MAX_LAYERS = 32
#: The most weights and biases a network read from a file may have (a model, a PyTorch file, a
#: recording): what 256 MiB of float32 hold, the largest model file's weights.
MAX_PARAMETERS = 256 * 2**20 // 4
