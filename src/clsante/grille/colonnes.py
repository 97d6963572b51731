"""Export columns of the two seed-004 tables."""

from __future__ import annotations

from clsante.core.tableaux import Colonne
from clsante.grille.analyses import Figure2


def colonnes_figure1() -> list[Colonne]:
    return [
        Colonne("code", "Code de la grille", "string", lambda ligne: ligne.code),
        Colonne("thematique", "Thématique", "string", lambda ligne: ligne.libelle),
        Colonne("fiches", "Fiches actions", "integer", lambda ligne: ligne.fiches),
        Colonne("part", "Part des fiches codées", "number", lambda ligne: round(ligne.part, 4)),
    ]


def lignes_figure2(fig: Figure2) -> list[dict]:
    rows = []
    for det in fig.lignes:
        rows.append(
            {
                "niveau": 1,
                "code": det.code,
                "libelle": det.libelle,
                "actions": det.actions,
                "part": det.part,
            }
        )
        for strat in det.strategies:
            rows.append(
                {
                    "niveau": 2,
                    "code": f"{det.code} × {strat.code}",
                    "libelle": strat.libelle,
                    "actions": strat.actions,
                    "part": strat.part,
                }
            )
            for code, libelle, n in strat.sous_strategies:
                rows.append(
                    {
                        "niveau": 3,
                        "code": f"{det.code} × {code}",
                        "libelle": libelle,
                        "actions": n,
                        "part": None,
                    }
                )
    rows.append(
        {
            "niveau": 1,
            "code": "NS",
            "libelle": "Déterminant non spécifié",
            "actions": fig.non_specifie,
            "part": None,
        }
    )
    return rows


def colonnes_figure2() -> list[Colonne]:
    return [
        Colonne(
            "niveau",
            "Niveau",
            "integer",
            lambda r: r["niveau"],
            "1 : déterminant ; 2 : type d'intervention ; 3 : sous-type",
        ),
        Colonne("code", "Codes de la grille", "string", lambda r: r["code"]),
        Colonne("libelle", "Libellé", "string", lambda r: r["libelle"]),
        Colonne("actions", "Nombre d'actions", "integer", lambda r: r["actions"]),
        Colonne(
            "part", "Part", "number", lambda r: None if r["part"] is None else round(r["part"], 4)
        ),
    ]
