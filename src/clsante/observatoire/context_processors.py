from django.http import HttpRequest

from clsante.contrats.models import Contrat


def donnees_synthetiques(request: HttpRequest) -> dict:
    """Warn on every page when the synthetic national dataset is loaded."""
    return {"DONNEES_SYNTHETIQUES": Contrat.objects.filter(synthetique=True).exists()}
