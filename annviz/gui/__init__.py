"""The Qt application: one main window, views that listen to one app state, one training worker."""
