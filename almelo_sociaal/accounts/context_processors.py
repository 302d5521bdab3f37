from .roles import Role, user_roles


def roles(request):
    names = user_roles(getattr(request, "user", None))
    labels = sorted(str(Role(n).label) for n in names if n in Role.values)
    return {"user_roles": names, "user_role_labels": labels, "Role": Role}
