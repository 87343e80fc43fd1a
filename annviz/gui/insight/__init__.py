"""The insight page: evaluation, mistakes, attribution, and one step of learning slowed down."""

from annviz.gui.insight.page import InsightPage

__all__ = ["InsightPage"]
