from django.urls import path

from clsante.contrats import views, views_annuaire, views_gouvernance

app_name = "contrats"

ACTEUR = "<int:pk>/acteurs/<int:org_pk>/"
CONTACT = ACTEUR + "contacts/<int:contact_pk>/"
INSTANCE = "<int:pk>/instances/<int:instance_pk>/"
REUNION = "<int:pk>/reunions/<int:reunion_pk>/"

urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
    path(
        "<int:pk>/diagnostics/<int:diagnostic_pk>/document/",
        views.document_diagnostic,
        name="document_diagnostic",
    ),
    # Actors' directory
    path("<int:pk>/annuaire/", views_annuaire.annuaire_contrat, name="annuaire"),
    path(ACTEUR, views_annuaire.acteur, name="acteur"),
    path(ACTEUR + "contacts/nouveau/", views_annuaire.contact_ajouter, name="contact_ajouter"),
    path(CONTACT + "modifier/", views_annuaire.contact_modifier, name="contact_modifier"),
    path(CONTACT + "supprimer/", views_annuaire.contact_supprimer, name="contact_supprimer"),
    # Governance
    path("<int:pk>/gouvernance/", views_gouvernance.gouvernance_contrat, name="gouvernance"),
    path(INSTANCE, views_gouvernance.instance_membres, name="instance"),
    path(
        INSTANCE + "membres/<int:membre_pk>/retirer/",
        views_gouvernance.membre_retirer,
        name="membre_retirer",
    ),
    path(INSTANCE + "reunions/nouvelle/", views_gouvernance.reunion_creer, name="reunion_creer"),
    path(REUNION, views_gouvernance.reunion, name="reunion"),
    path(REUNION + "modifier/", views_gouvernance.reunion_modifier, name="reunion_modifier"),
]
