import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from home.people_text import LANGUAGE_NOTES, guess_language
from pb_module.models import MeetingKind, PBCyclePage, ProposalAttachment, Territory
from pb_module.rules import geo
from pb_module.rules.overview import MAX_AVERAGE_PROJECTS
from pb_module.rules.text import strip_bidi, whole_number
from pb_module.vocabulary import VERDICT_CHOICES, geo_message

# Extension -> the bytes a real file of that type starts with.
ATTACHMENT_SIGNATURES = {
    "pdf": (b"%PDF",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
}


def check_attachment(upload):
    """Refuse a file that is not a PDF, image, DOCX or XLSX of at most 10 MB (by name and by content)."""
    limit = settings.PB_MAX_ATTACHMENT_BYTES
    message = _("Attach a PDF, JPEG, PNG, DOCX or XLSX file of at most %(size)s.") % {"size": filesizeformat(limit)}
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if upload.size > limit or extension not in ATTACHMENT_SIGNATURES:
        raise forms.ValidationError(message, code="attachment")
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(ATTACHMENT_SIGNATURES[extension]):
        raise forms.ValidationError(message, code="attachment")
    return upload


def _typed_name(value: str, field) -> str:
    """A title or a name as typed, without bidirectional control characters (they make text show reordered);
    nothing left is the field's "required" message."""
    value = strip_bidi(value).strip()
    if not value:
        raise forms.ValidationError(field.error_messages["required"], code="required")
    return value


class ReasonInTwoLanguagesForm(forms.Form):
    """A public reason a moderator gives in Kazakh, in Russian or in both (home/people_text.py shows each reader the
    one in their language, else the other one marked with its language).

    Subclasses set `reason_label`, `reason_help` and `reason_required_message` (shown when both boxes are empty and a
    reason is needed: `reason_needed()`). A single "reason" in the submitted data (older forms and scripts) counts as
    typed in the box of the language its letters are in."""

    reason_label = _("Public reason")
    reason_help = ""
    reason_required_message = _("Give a public reason for this decision.")
    reason_max_length = None

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("reason", "").strip() and not (data.get("reason_kk") or data.get("reason_ru")):
            data = data.copy()
            typed = data.get("reason")
            box = "reason_ru" if guess_language(typed, "kk") == "ru" else "reason_kk"
            data[box] = typed
        super().__init__(data, *args, **kwargs)
        help_text = _("Give it in at least one of Kazakh and Russian; each reader sees the one in their language.")
        if self.reason_help:
            help_text = format_lazy("{} {}", self.reason_help, help_text)
        for code in ("kk", "ru"):
            self.fields[f"reason_{code}"] = forms.CharField(
                label=format_lazy("{} {}", self.reason_label, LANGUAGE_NOTES[code]),  # "Public reason (in Kazakh)"
                required=False,
                max_length=self.reason_max_length,
                widget=forms.Textarea(attrs={"rows": 3, "lang": code}),
                help_text=help_text if code == "ru" else "",
            )
        self.order_fields(self.field_order or [])

    def reason_needed(self, cleaned_data) -> bool:
        return True

    def clean(self):
        cleaned_data = super().clean()
        for code in ("kk", "ru"):
            cleaned_data[f"reason_{code}"] = strip_bidi(cleaned_data.get(f"reason_{code}") or "").strip()
        if self.reason_needed(cleaned_data) and not (cleaned_data["reason_kk"] or cleaned_data["reason_ru"]):
            self.add_error("reason_kk", forms.ValidationError(self.reason_required_message, code="required"))
        return cleaned_data

    @property
    def reasons(self) -> dict[str, str]:
        """What the service takes: reason_kk, reason_ru."""
        return {name: self.cleaned_data.get(name, "") for name in ("reason_kk", "reason_ru")}


def districts_of(cycle):
    """The territories a resident of `cycle` can live in, in the reader's language."""
    territory = cycle.territory.localized
    return Territory.objects.filter(pk__in=[t.pk for t in territory.descendants()]).order_by("name")


class PlaceForm(forms.Form):
    """A place on the map as two optional fields, a point or an area (rules.geo); `cleaned_data["geometry"]` is its
    GeoJSON geometry or None. The resident's form has them; a moderator corrects a place with this form alone."""

    point = forms.CharField(
        label=_("Point on the map (optional)"),
        max_length=60,
        required=False,
        help_text=_("Latitude and longitude, e.g. 43.2389, 76.8897: click the map, or type them."),
    )
    area = forms.CharField(
        label=_("Area on the map (optional)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For a park, a street or a yard: its corners, one “latitude, longitude” per line (3 to 50)."),
    )

    def clean(self):
        cleaned = super().clean()
        point, area = cleaned.get("point", ""), cleaned.get("area", "")
        cleaned["geometry"] = None
        try:
            cleaned["geometry"] = geo.geometry_from(point, area)
        except geo.GeoError as error:
            on_area = error.code in ("too_few", "too_many") or (area.strip() and not point.strip())
            self.add_error("area" if on_area else "point", geo_message(error))
        return cleaned


class ProposalForm(PlaceForm):
    title = forms.CharField(label=_("Title"), max_length=150, error_messages={"required": _("Enter a title.")})
    summary = forms.CharField(
        label=_("Summary"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences."),
        error_messages={"required": _("Write a short summary.")},
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What should be done, where and why."),
        error_messages={"required": _("Describe the proposal.")},
    )
    tags = forms.CharField(
        label=_("Topics"),
        max_length=200,
        required=False,
        help_text=_("Any words, separated by commas: e.g. park, lighting, playground."),
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=Territory.objects.none(),
        empty_label=_("Choose…"),
        error_messages={
            "required": _("Choose a district."),
            "invalid_choice": _("Choose a district within the territory of this cycle."),
        },
    )
    location = forms.CharField(
        label=_("Location (optional)"), max_length=255, required=False, help_text=_("Street, building or landmark.")
    )
    estimated_cost = forms.CharField(
        label=_("Estimated cost, tenge"), max_length=20, error_messages={"required": _("Enter the estimated cost.")}
    )
    sketch = forms.FileField(
        label=_("Sketch or photo (optional)"), required=False, help_text=_("PDF, JPEG or PNG, up to 10 MB.")
    )
    estimate = forms.FileField(
        label=_("Cost estimate (optional)"), required=False, help_text=_("PDF, DOCX or XLSX, up to 10 MB.")
    )
    author_name = forms.CharField(
        label=_("Your name"), max_length=120, error_messages={"required": _("Enter your name.")}
    )
    author_contact = forms.CharField(
        label=_("Phone or e-mail"),
        max_length=120,
        help_text=_("Only moderators see it, to contact you about the proposal."),
        error_messages={"required": _("Give a phone number or an e-mail address.")},
    )

    field_order = [
        *("title", "summary", "description", "tags", "district", "location", "point", "area", "estimated_cost"),
        *("sketch", "estimate", "author_name", "author_contact"),
    ]

    def __init__(self, *args, cycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts_of(cycle)
        self.cycle = cycle

    def clean_estimated_cost(self):
        raw = re.sub(r"[\s\u00a0\u202f,]", "", self.cleaned_data["estimated_cost"]).removesuffix("₸")
        cost = whole_number(raw)
        if not cost:
            raise forms.ValidationError(_("Enter the estimated cost in tenge as a whole number greater than zero."))
        return cost

    def clean_title(self):
        return _typed_name(self.cleaned_data["title"], self.fields["title"])

    def clean_author_name(self):
        return _typed_name(self.cleaned_data["author_name"], self.fields["author_name"])

    def clean_tags(self):
        tags = (strip_bidi(t).strip()[:100] for t in self.cleaned_data["tags"].split(","))
        return [t for t in tags if t][:10]

    def clean_sketch(self):
        upload = self.cleaned_data.get("sketch")
        return check_attachment(upload) if upload else None

    def clean_estimate(self):
        upload = self.cleaned_data.get("estimate")
        return check_attachment(upload) if upload else None

    def clean_author_contact(self):
        contact = self.cleaned_data["author_contact"].strip()
        digits = re.sub(r"\D", "", contact)
        if "@" not in contact and len(digits) < 10:
            raise forms.ValidationError(_("Give a phone number with its code or an e-mail address."))
        return contact

    def attachments(self):
        pairs = [
            (self.cleaned_data.get("sketch"), ProposalAttachment.Kind.SKETCH),
            (self.cleaned_data.get("estimate"), ProposalAttachment.Kind.ESTIMATE),
        ]
        return [(upload, kind) for upload, kind in pairs if upload]


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a comment.")},
    )


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail"),
        error_messages={"required": _("Enter your e-mail address."), "invalid": _("Enter a valid e-mail address.")},
    )


class StatusChangeForm(ReasonInTwoLanguagesForm):
    new_status = forms.ChoiceField(label=_("New status"))
    merged_into = forms.ModelChoiceField(
        label=_("Merged into"), queryset=None, required=False, help_text=_("Only when merging.")
    )
    field_order = ["new_status", "reason_kk", "reason_ru", "merged_into"]
    reason_help = _("Shown to everyone in the proposal's log. Required to reject or merge.")

    def __init__(self, *args, proposal, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_status"].choices = choices
        self.fields["merged_into"].queryset = proposal.cycle.proposals.exclude(pk=proposal.pk)

    def reason_needed(self, cleaned_data) -> bool:
        from pb_module.rules.statuses import REASON_REQUIRED

        return cleaned_data.get("new_status") in REASON_REQUIRED


class ExpertReviewForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Verdict"), choices=VERDICT_CHOICES)
    validated_cost = forms.IntegerField(label=_("Validated cost, tenge"), min_value=1)
    conclusion = forms.CharField(label=_("Public conclusion"), widget=forms.Textarea(attrs={"rows": 5}))


class HideCommentForm(ReasonInTwoLanguagesForm):
    reason_label = _("Public reason for hiding")
    reason_required_message = _("Give a public reason for hiding the comment.")


class PublishResultsForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I have checked the count: publish the results"),
        help_text=_(
            "Publication cannot be undone: the ballots and the result are frozen, and the vote counts become public."
        ),
        error_messages={"required": _("Tick the box to confirm the publication.")},
    )


class CloseVotingForm(ReasonInTwoLanguagesForm):
    reason_label = _("Why voting closes early (shown publicly on the cycle page)")
    reason_required_message = _("Say why voting closes early: the reason is shown publicly.")
    reason_max_length = 2000
    field_order = ["reason_kk", "reason_ru", "confirm"]
    confirm = forms.BooleanField(
        label=_("Close voting now, for good"),
        help_text=_("No ballot is taken after this, and voting never reopens. Ballots already cast are counted."),
        error_messages={"required": _("Tick the box to confirm that voting closes now.")},
    )


class VerifyVoterForm(forms.Form):
    iin = forms.CharField(
        label=_("IIN"),
        max_length=20,
        help_text=_("12 digits, as on your identity card."),
        error_messages={"required": _("Enter your IIN.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    birth_date = forms.DateField(
        label=_("Date of birth"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Enter your date of birth."), "invalid": _("Enter a valid date.")},
    )
    district = forms.ModelChoiceField(
        label=_("District where you live"),
        queryset=Territory.objects.none(),
        empty_label=_("Choose…"),
        error_messages={
            "required": _("Choose a district."),
            "invalid_choice": _("Choose a district within the territory of this cycle."),
        },
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=20,
        help_text=_("A one-time code is sent here."),
        error_messages={"required": _("Enter your mobile phone number.")},
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    confirm_date_mismatch = forms.BooleanField(
        label=_("My IIN and date of birth are both right"),
        required=False,
        help_text=_("Tick only if we warned that they do not match."),
    )

    def __init__(self, *args, cycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts_of(cycle)


class AssistedBallotForm(VerifyVoterForm):
    """What an operator checks at a public centre: the same as online, without the phone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["phone"]


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the SMS"),
        max_length=10,
        error_messages={"required": _("Enter the code from the SMS.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )


class ResendCodeForm(forms.Form):
    """A new code while one is pending: the phone number again (it is not kept), not the IIN."""

    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=20,
        help_text=_("Type it again: we do not keep it. You can also give another number."),
        error_messages={"required": _("Enter your mobile phone number.")},
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )


class ReceiptForm(forms.Form):
    # Long enough for a code typed with spaces or dashes; the service finds it however it is written.
    code = forms.CharField(label=_("Receipt code"), max_length=40, help_text=_("For example ABCD-EFGH-JKLM."))


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Several uploads in one field; their type and size are checked by the service that stores them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultiplePhotoInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned = []
        for upload in uploads:
            cleaned.append(super().clean(upload, initial))
        return cleaned


class RatingRadioSelect(forms.RadioSelect):
    """Radio buttons whose field links (from the error summary) to the first button, not to nothing."""

    def id_for_label(self, id_, index="0"):
        return forms.widgets.ChoiceWidget.id_for_label(self, id_, index)


class MonitoringReportForm(forms.Form):
    """A monitoring report; `citizen=True` asks for the name to show, otherwise for the NGO's name."""

    milestone = forms.ModelChoiceField(
        label=_("Milestone"),
        queryset=None,
        empty_label=_("Choose…"),
        help_text=_("The stage of the work your report is about."),
        error_messages={
            "required": _("Choose a milestone."),
            "invalid_choice": _("Choose a milestone of this proposal."),
        },
    )
    rating = forms.ChoiceField(
        label=_("How is the work going?"),
        choices=[],
        widget=RatingRadioSelect,
        error_messages={
            "required": _("Choose how the work is going: on track, concern or problem."),
            "invalid_choice": _("Choose how the work is going: on track, concern or problem."),
        },
    )
    body = forms.CharField(
        label=_("What you saw"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Up to 4000 characters. Facts help most: what, where, when."),
        error_messages={"required": _("Write what you saw.")},
    )
    photos = MultiplePhotoField(
        label=_("Photos (optional)"),
        required=False,
        help_text=_("Up to 3 JPEG, PNG or WebP photos of at most 10 MB each. Their location data is removed."),
    )
    author_name = forms.CharField(
        label=_("Name to show"),
        max_length=150,
        help_text=_("Shown with your report. Your IIN and phone number are never shown or kept."),
        error_messages={"required": _("Enter the name to show with your report.")},
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"),
        max_length=255,
        required=False,
        help_text=_("The NGO or public council you report for."),
    )

    def __init__(self, *args, proposal, citizen: bool, **kwargs):
        from pb_module.models.implementation import Rating

        super().__init__(*args, **kwargs)
        self.fields["milestone"].queryset = proposal.milestones.all()
        self.fields["rating"].choices = Rating.choices
        del self.fields["organisation" if citizen else "author_name"]

    def clean_author_name(self):
        return _typed_name(self.cleaned_data["author_name"], self.fields["author_name"])

    def clean_organisation(self):
        return strip_bidi(self.cleaned_data["organisation"]).strip()


class HideReportForm(ReasonInTwoLanguagesForm):
    reason_label = _("Public reason for hiding")
    reason_help = _("Shown on the proposal page in place of the report.")
    reason_required_message = _("Give a public reason for hiding the report.")


class AnswerReportForm(forms.Form):
    answer = forms.CharField(
        label=_("Official answer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Published under the report with the name of your body and the date."),
        error_messages={"required": _("Write the answer.")},
    )


def ballot_items_from(data, ids: set[int], ballot_type) -> dict[int, int]:
    """Read the chosen proposals (and points) from a submitted ballot form; unknown ids are ignored."""
    items = {}
    if ballot_type == "cumulative":
        for pk in ids:
            raw = (data.get(f"points_{pk}") or "").strip()
            if raw:
                points = whole_number(raw)
                items[pk] = -1 if points is None else points
        return {pk: points for pk, points in items.items() if points != 0}
    values = data.getlist("proposal") if hasattr(data, "getlist") else data.get("proposal", [])
    for value in values:
        pk = whole_number(str(value))
        if pk in ids:
            items[pk] = 1
    return items


def add_service_errors(form, error: ValidationError):
    """A service's ValidationError shown on the form: on the field it names, else above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# A whole number typed in a text box: what was typed comes back as it was, even when it is not a number (a number
# box cannot hold "abc"), and phones show their digit keyboard.
NUMERIC = forms.TextInput(attrs={"inputmode": "numeric"})


class OverviewForm(forms.Form):
    """The national overview's question: which year, and how many projects a city of each category funds on
    average (the page's assumptions, unless the visitor tries others)."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    average_republican = forms.IntegerField(
        label=_("Projects a city of republican significance funds"),
        min_value=0,
        max_value=MAX_AVERAGE_PROJECTS,
        required=False,
        widget=NUMERIC,
    )
    average_oblast = forms.IntegerField(
        label=_("Projects a city of regional significance funds"),
        min_value=0,
        max_value=MAX_AVERAGE_PROJECTS,
        required=False,
        widget=NUMERIC,
    )
    average_district = forms.IntegerField(
        label=_("Projects a city of district significance funds"),
        min_value=0,
        max_value=MAX_AVERAGE_PROJECTS,
        required=False,
        widget=NUMERIC,
    )

    def __init__(self, data, *, years: list[int], initial: dict):
        super().__init__(data, initial=initial)
        self.fields["year"].choices = [(year, str(year)) for year in years]


class RegistrationForm(forms.Form):
    """A place at a public meeting, without an account (the service checks the contact and the places)."""

    name = forms.CharField(label=_("Your name"), max_length=200, error_messages={"required": _("Give your name.")})
    contact = forms.CharField(
        label=_("Mobile phone or e-mail"),
        max_length=254,
        help_text=_("We send the confirmation and the link to cancel there. Only the organisers see it."),
        error_messages={"required": _("Give a mobile number (+7 7XX XXX XX XX) or an e-mail address.")},
    )

    def clean_name(self):
        return _typed_name(self.cleaned_data["name"], self.fields["name"])


class MeetingProposalForm(forms.Form):
    """A meeting an NGO representative proposes (a moderator publishes it)."""

    title = forms.CharField(label=_("Title"), max_length=255)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *MeetingKind.choices])
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label=_("Time (Almaty)"), widget=forms.TimeInput(attrs={"type": "time"}))
    place = forms.ModelChoiceField(label=_("Place"), queryset=Territory.objects.none())
    cycle = forms.ModelChoiceField(
        label=_("Cycle"),
        queryset=PBCyclePage.objects.none(),
        required=False,
        help_text=_("If the meeting is about one."),
    )
    address = forms.CharField(label=_("Address"), max_length=255, required=False)
    agenda = forms.CharField(label=_("Agenda"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        places = Territory.objects.filter(locale=locale, kind__in=["region", "city", "district"]).order_by("name")
        self.fields["place"].queryset = places
        self.fields["cycle"].queryset = PBCyclePage.objects.live().filter(locale=locale).order_by("-year", "title")

    def clean_title(self):
        return _typed_name(self.cleaned_data["title"], self.fields["title"])
