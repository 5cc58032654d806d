"""Map a pointer into a record (keys and indexes) to a line and column of its YAML text.

Composing keeps marks on every node; it is done only for files that have findings, so the fast
path never pays for positions.
"""

from __future__ import annotations

import yaml

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it


class PositionIndex:
    def __init__(self, text: str):
        try:
            self.root = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError:
            self.root = None

    def locate(self, pointer, on_key: bool = False) -> tuple[int, int]:
        """(line, col), 1-based, of the deepest node the pointer reaches."""
        node, key_node = self.root, None
        if node is None:
            return 1, 1
        for step in pointer:
            child = None
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if k.value == step:
                        child, key_node = v, k
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                child, key_node = node.value[step], None
            if child is None:
                break
            node = child
        target = key_node if (on_key and key_node is not None) else node
        return target.start_mark.line + 1, target.start_mark.column + 1
