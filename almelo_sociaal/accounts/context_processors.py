from .roles import Role, user_roles


def roles(request):
    names = user_roles(getattr(request, "user", None))
    return {"user_roles": names, "Role": Role}
