from django.conf import settings
from django.http import HttpRequest


class SiteConfig(dict):
    """Site identity read by django-dsfr's templates; unknown keys read as empty."""

    def __getattr__(self, name: str):
        return self.get(name, "")


def site(request: HttpRequest) -> dict:
    """What every page needs to know about this installation."""
    theme_etat = settings.CLSANTE_THEME != "neutre"
    return {
        "SITE_CONFIG": SiteConfig(
            site_title="CLSanté",
            site_tagline="Contrats locaux de santé : piloter, suivre, évaluer",
            header_brand_html="République<br>française" if theme_etat else None,
            footer_description=(
                "CLSanté est une plateforme libre pour construire, piloter, suivre et évaluer "
                "les contrats locaux de santé."
            ),
            accessibility_status="NOT",
            beta_tag=True,
            mourning=False,
            notice_title="",
            notice_description="",
        ),
        "THEME_ETAT": theme_etat,
        "NOM_OPERATEUR": settings.CLSANTE_NOM_OPERATEUR,
    }
