app_name = "srt"
urlpatterns: list = []
