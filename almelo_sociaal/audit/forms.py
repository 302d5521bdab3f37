from django import forms


class AuditSearchForm(forms.Form):
    client = forms.CharField(
        label="Cliënt (naam of BSN)",
        required=False,
        max_length=100,
        help_text="Achternaam, voornaam en achternaam, of het BSN; de zoekvraag wordt niet in de adresbalk gezet.",
    )
    username = forms.CharField(label="Gebruiker", required=False, max_length=150)
    client_id = forms.IntegerField(label="Cliëntnummer", required=False, min_value=1)
    date_from = forms.DateField(label="Vanaf", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(
        label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "De einddatum ligt vóór de begindatum.")
        return data
