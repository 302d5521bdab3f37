from datetime import date

from django import forms

from cases.models import Wijkteam


class MonthField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    input_formats = ["%Y-%m", "%Y-%m-%d"]

    def to_python(self, value):
        result = super().to_python(value)
        return result.replace(day=1) if result else result


class DashboardFilterForm(forms.Form):
    wijkteam = forms.ModelChoiceField(
        label="Wijkteam",
        queryset=Wijkteam.objects.all(),
        required=False,
        empty_label="Alle wijkteams (gemeente)",
    )
    van = MonthField(label="Van (maand)", required=False)
    tot = MonthField(label="Tot en met (maand)", required=False)

    def clean(self):
        data = super().clean()
        today = date.today()
        data["tot"] = data.get("tot") or today.replace(day=1)
        data["van"] = data.get("van") or date(today.year - 3, 1, 1)
        if data["van"] > data["tot"]:
            self.add_error("tot", "De eindmaand ligt vóór de beginmaand.")
        elif (data["tot"].year - data["van"].year) * 12 + data["tot"].month - data["van"].month > 240:
            self.add_error("van", "Kies een periode van hoogstens 20 jaar.")
        return data
