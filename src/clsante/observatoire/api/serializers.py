from rest_framework import serializers

from clsante.contrats.models import Contrat
from clsante.programme.models import FicheAction


class ContratSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region.code")
    porteuse = serializers.CharField(source="porteuse.nom")
    population = serializers.IntegerField(source="pop", read_only=True)
    nombre_communes = serializers.IntegerField(source="n_communes", read_only=True)
    nombre_fiches = serializers.IntegerField(source="n_fiches", read_only=True)

    class Meta:
        model = Contrat
        fields = [
            "id",
            "nom",
            "region",
            "porteuse",
            "type_porteuse",
            "generation",
            "statut",
            "date_signature",
            "date_debut",
            "date_fin",
            "publie",
            "synthetique",
            "population",
            "nombre_communes",
            "nombre_fiches",
        ]


class FicheSerializer(serializers.ModelSerializer):
    contrat = serializers.IntegerField(source="contrat_id")
    axe = serializers.CharField(source="axe.titre")
    porteur = serializers.CharField(source="porteur.nom", default=None)
    thematiques = serializers.SerializerMethodField()

    class Meta:
        model = FicheAction
        fields = [
            "id",
            "contrat",
            "numero",
            "titre",
            "axe",
            "statut",
            "priorite",
            "porteur",
            "publics",
            "thematiques",
            "participation",
            "hors_programmation",
            "date_debut",
            "date_fin",
        ]

    def get_thematiques(self, fiche: FicheAction) -> list[str]:
        codage = getattr(fiche, "codage", None)
        return list(codage.thematiques) if codage and codage.valide else []
