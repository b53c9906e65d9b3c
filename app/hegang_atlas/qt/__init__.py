"""The Qt window (imported only when the window opens)."""
