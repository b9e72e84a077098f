"""A contract that each package of a container uses the others only through their
public surface.

A package's public surface is the package itself (its ``__init__``) and the
children named in ``public`` (with everything below them): for saylau, the
pure API ``core`` and the Django surface ``models``, ``choices``, ``selectors``
and ``services``. Anything else in a package (views, commands, storage,
importers, frames, ledger snapshots...) is the package's own business, and an
import of it from another package breaks the contract. Packages listed in
``open`` (the kernel) are public through and through.
"""

from __future__ import annotations

import grimp
from importlinter import Contract, ContractCheck, fields, output


class PublicSurfaceContract(Contract):
    type_name = "public_surface"

    containers = fields.ListField(subfield=fields.StringField())
    public = fields.ListField(subfield=fields.StringField())
    open = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        public = set(self.public)  # type: ignore[arg-type]
        illegal = []
        for container in self.containers:  # type: ignore[attr-defined]
            open_packages = {f"{container}.{name}" for name in (self.open or [])}  # type: ignore[attr-defined]
            depth = container.count(".") + 1
            for importer in sorted(graph.find_descendants(container)):
                own = ".".join(importer.split(".")[: depth + 1])
                for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                    if not imported.startswith(container + "."):
                        continue
                    parts = imported.split(".")
                    package = ".".join(parts[: depth + 1])
                    if package == own or package in open_packages or len(parts) == depth + 1:
                        continue
                    if parts[depth + 1] in public:
                        continue
                    details = graph.get_import_details(importer=importer, imported=imported)
                    lines = sorted({d["line_number"] for d in details})
                    illegal.append((importer, imported, lines))
        return ContractCheck(kept=not illegal, metadata={"illegal": illegal})

    def render_broken_contract(self, check: ContractCheck) -> None:
        output.print_error(
            "These imports reach into another package instead of its public surface "
            f"(the package itself, or its {', '.join(self.public)}):",  # type: ignore[arg-type]
            bold=False,
        )
        output.new_line()
        for importer, imported, lines in check.metadata["illegal"]:
            output.print_error(f"- {importer} -> {imported} (l.{', '.join(map(str, lines))})",
                               bold=False)
            output.new_line()
