"""The knowledge base (知识库): ready answers agents search and paste from."""

from hcrm_desktop.views.knowledge.dialog import KnowledgeDialog

__all__ = ["KnowledgeDialog"]
