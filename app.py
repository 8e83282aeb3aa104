"""Streamlit entry: builds the navigation over assistant/ui pages, nothing else."""

from assistant.ui.shell import build_navigation

build_navigation().run()
