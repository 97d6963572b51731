from django.contrib.auth import views as auth_views
from django.urls import path

from clsante.comptes.forms import ConnexionForm

app_name = "comptes"

urlpatterns = [
    path(
        "connexion/",
        auth_views.LoginView.as_view(
            template_name="comptes/connexion.html",
            authentication_form=ConnexionForm,
            redirect_authenticated_user=True,
            extra_context={"title": "Connexion"},
        ),
        name="connexion",
    ),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="deconnexion"),
]
