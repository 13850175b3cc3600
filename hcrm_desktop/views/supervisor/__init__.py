"""The supervisor's panels in the analytics workspace: live board, agent performance, QA review; and the
agent's own QA results (`MyQaDialog`)."""
