"""django-axes in front of the ModelBackend, only for logins over the web."""

from axes.backends import AxesStandaloneBackend


class WebLoginAxesBackend(AxesStandaloneBackend):
    """Counts and blocks failed logins per username + IP address.

    ``authenticate()`` without a request (the shell, ``Client.login`` in tests, management commands) cannot be
    brute-forced over the network, so it is passed on to the next backend instead of raising.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
