from functools import cache

from django.http import HttpRequest

from clsante.notifications import compteur


def notifications(request: HttpRequest) -> dict:
    """Unread count for the header (`compteur`, cached), only when a page shows it.

    The template engine calls a callable it finds in the context, so the count is computed
    on first use and remembered for the rest of the rendering.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def non_lues() -> int:
        return compteur.non_lues(user)

    return {"NOTIFICATIONS_NON_LUES": non_lues}
