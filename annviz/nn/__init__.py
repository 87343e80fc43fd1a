"""The neural network, written from scratch with NumPy. No Qt is imported here, ever.

- ``activations``: step, identity, sigmoid, tanh, ReLU, leaky ReLU, softmax, with derivatives
- ``losses``: cross-entropy and mean squared error
- ``network``: ``Network`` — forward pass keeping every z and a, backpropagation, initialisation
- ``optimizers``: SGD, momentum, Adam, learning-rate schedules
- ``config`` / ``trainer``: ``TrainConfig`` and the ``Trainer`` loop with its ``History``
- ``baseline``: ``LossBaseline`` — did a run end worse than it started?
- ``metrics``: evaluation, confusion matrix
- ``gradcheck``: numerical differentiation beside backpropagation
- ``modelfile``: safetensors model files; ``foreign``: PyTorch networks saved without annviz metadata
"""

from annviz.nn.activations import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, get_activation
from annviz.nn.baseline import LossBaseline
from annviz.nn.config import MAX_LAYER_SIZE, MAX_LAYERS, ConfigError, TrainConfig
from annviz.nn.gradcheck import check_gradients, nudge
from annviz.nn.history import EpochRecord, History
from annviz.nn.losses import LOSS_NAMES, get_loss, one_hot
from annviz.nn.metrics import confusion_matrix, evaluate, per_class_accuracy
from annviz.nn.modelfile import ForeignModelError, ModelFileError, ModelInfo, load_foreign, load_model, save_model
from annviz.nn.network import Forward, Gradients, Network
from annviz.nn.optimizers import OPTIMIZER_NAMES, make_optimizer
from annviz.nn.trainer import BatchEvent, Trainer

__all__ = [
    "HIDDEN_ACTIVATIONS", "OUTPUT_ACTIVATIONS", "LOSS_NAMES", "OPTIMIZER_NAMES", "MAX_LAYER_SIZE", "MAX_LAYERS",
    "BatchEvent", "ConfigError", "EpochRecord", "Forward", "Gradients", "History", "LossBaseline",
    "ForeignModelError", "ModelFileError", "ModelInfo",
    "Network", "TrainConfig", "Trainer",
    "check_gradients", "confusion_matrix", "evaluate", "get_activation", "get_loss",
    "load_foreign", "load_model", "make_optimizer", "nudge", "one_hot", "per_class_accuracy", "save_model",
]
