from functools import cache

from django.http import HttpRequest

from clsante.notifications.models import Notification


def notifications(request: HttpRequest) -> dict:
    """Unread count for the header: one query, only when a page shows it, none if anonymous.

    The template engine calls a callable it finds in the context, so the count is computed
    on first use and remembered for the rest of the rendering.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def non_lues() -> int:
        return Notification.objects.non_lues().filter(destinataire=user).count()

    return {"NOTIFICATIONS_NON_LUES": non_lues}
