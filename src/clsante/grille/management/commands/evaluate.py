"""``clsante evaluate GOLD.jsonl``: agreement between the coder and a gold coding."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clsante.grille.coder.donnees import codes_inconnus, lire_jsonl
from clsante.grille.coder.metriques import Evaluation, evaluer
from clsante.grille.management.commands._commun import (
    ajouter_option_modele,
    codeur_demande,
    exiger_fichier,
)
from clsante.grille.management.commands.code import fiche_a_coder
from clsante.grille.referentiel import AXES, MULTI_AXES


class Command(BaseCommand):
    help = (
        "Code les textes d'un corpus de référence (sans lire ses étiquettes) et affiche "
        "F1 micro et macro par axe, la justesse de l'approche et le kappa de Cohen."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "reference", type=Path, help="JSONL avec les étiquettes sous « labels »"
        )
        parser.add_argument("--json", action="store_true", help="affiche les chiffres en JSON")
        parser.add_argument(
            "--predictions", type=Path, help="écrit aussi les codages produits (JSONL)"
        )
        ajouter_option_modele(parser)

    def handle(self, *args, **options) -> None:
        chemin: Path = options["reference"]
        exiger_fichier(chemin)
        gold, fiches, problemes = {}, [], 0
        for ligne in lire_jsonl(chemin):
            if ligne.erreur:
                problemes += 1
                self.stderr.write(f"Ligne {ligne.numero} ignorée : {ligne.erreur}.")
                continue
            labels = ligne.objet.get("labels")
            if not isinstance(labels, dict):
                problemes += 1
                self.stderr.write(f"Ligne {ligne.numero} ignorée : la clé « labels » est absente.")
                continue
            for axe, code in codes_inconnus(labels):
                problemes += 1
                self.stderr.write(
                    f"Ligne {ligne.numero} (fiche {ligne.objet['id']}) : code inconnu "
                    f"« {code} » sur l'axe {axe} ; il est compté tel quel (jamais prédit)."
                )
            gold[ligne.objet["id"]] = {a: labels.get(a) for a in AXES}
            fiches.append(fiche_a_coder(ligne.objet))
        if not fiches:
            raise CommandError("Aucune fiche de référence utilisable.")
        codeur = codeur_demande(options)
        predictions = codeur.coder(fiches)
        if options["predictions"]:
            with open(options["predictions"], "w", encoding="utf-8") as f:
                for p in predictions:
                    f.write(json.dumps(p, ensure_ascii=False) + "\n")
        resultat = evaluer(gold, {p["id"]: p for p in predictions})
        if options["json"]:
            self.stdout.write(json.dumps(resultat.en_dict()))
        else:
            self.stdout.write(rapport(resultat, codeur.version))
        if problemes:
            raise CommandError(
                f"{problemes} problème(s) dans le fichier de référence (voir ci-dessus).",
                returncode=1,
            )


def rapport(resultat: Evaluation, version: str) -> str:
    """The figures as the judge's script prints them, then the kappa of each top-level code."""
    r = resultat.en_dict()
    lignes = [f"modèle={version}", f"n={r['n']} missing={r['missing']}"]
    for axe in MULTI_AXES:
        s = r[axe]
        lignes.append(
            f"{axe:13s} microF1 top={s['micro_f1_top']:.3f} full={s['micro_f1_full']:.3f}  "
            f"macroF1 top={s['macro_f1_top']:.3f} full={s['macro_f1_full']:.3f}  "
            f"kappa={s['mean_kappa_top']}"
        )
    lignes.append(f"approche accuracy={r['approche_accuracy']:.3f}")
    lignes.append("Kappa de Cohen par code de premier niveau (codes présents au moins 3 fois) :")
    for axe in MULTI_AXES:
        for code, k in sorted(resultat.axes[axe].kappas.items()):
            lignes.append(f"  {axe:13s} {code:28s} {k:.3f}")
    return "\n".join(lignes)
