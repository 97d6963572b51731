from django.core.cache import cache
from django.http import HttpRequest

from clsante.contrats.models import Contrat

CLE_SYNTHETIQUES = "observatoire:donnees-synthetiques"
# The synthetic dataset is loaded or removed by a command, a few times in an instance's
# life: each process asks the database again after this many seconds, not on every page.
DUREE_SYNTHETIQUES = 300


def donnees_synthetiques(request: HttpRequest) -> dict:
    """Warn on every page when the synthetic national dataset is loaded.

    The answer is kept in the per-process cache: the banner appears (or goes) within
    `DUREE_SYNTHETIQUES` seconds of `generer_donnees_nationales`, at no query per page.
    """
    presentes = cache.get(CLE_SYNTHETIQUES)
    if presentes is None:
        presentes = Contrat.objects.filter(synthetique=True).exists()
        cache.set(CLE_SYNTHETIQUES, presentes, timeout=DUREE_SYNTHETIQUES)
    return {"DONNEES_SYNTHETIQUES": presentes}
