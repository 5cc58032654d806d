"""The registry of finding codes: the contract with contributors.

Every finding the tools report has a code from this table. Messages are phrased as rules so the
table doubles as a style guide; `factcheck codes` prints it and the docs page is generated from it,
so the two cannot drift. An unknown code raises KeyError: ad-hoc messages are impossible.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Code:
    code: str
    severity: str
    title: str
    message: str  # str.format template filled from the finding's fields
    hint: str  # how to fix it; also a template
    general_hint: str = ""  # the table's hint where `hint` is only a field filled in per finding
    summary_ar: str = field(kw_only=True)  # what the code means, in Arabic, for the reference page

    @property
    def table_hint(self) -> str:
        """How to fix it, as the code table (CLI, docs, site) shows it."""
        return self.general_hint or self.hint


_CODES = [
    # 0xx: reading files
    Code(
        "FC001",
        ERROR,
        "YAML syntax",
        "YAML syntax error: {problem}",
        "Check indentation and quoting near this line; "
        "quote text containing ': ' or starting with a special character.",
        summary_ar="خطأ في صياغة YAML: لا يُقرأ الملف (المسافات البادئة أو علامات التنصيص غالبًا).",
    ),
    Code(
        "FC002",
        ERROR,
        "duplicate key",
        "key '{key}' appears twice in one mapping (first on line {first_line})",
        "Keep one of the two; YAML would silently drop the first.",
        summary_ar="مفتاح مكرر في المجموعة نفسها؛ يُسقط YAML الأول دون تنبيه.",
    ),
    Code(
        "FC003",
        ERROR,
        "forbidden tag",
        "tag '{tag}' is not allowed",
        "Records are plain data: remove the tag and write the value as text, a number, a list or a mapping.",
        summary_ar="وسم YAML غير مسموح: السجلات بيانات بسيطة.",
    ),
    Code(
        "FC004",
        ERROR,
        "anchor or alias",
        "YAML {what} '{name}' is not allowed",
        "Write the value out in full; records never need anchors or aliases.",
        summary_ar="مرساة أو إحالة YAML غير مسموحة: تُكتب القيمة كاملة.",
    ),
    Code(
        "FC005",
        ERROR,
        "file too large",
        "file is {size} bytes; a record may be at most {limit} bytes",
        "Split it: one record per file, and quote only the words that prove the claim.",
        summary_ar="الملف أكبر من الحد المسموح للسجل.",
    ),
    Code(
        "FC006",
        ERROR,
        "encoding",
        "file is not valid UTF-8 text: {problem}",
        "Save the file as UTF-8 without a byte-order mark (most editors: 'Save with encoding' > UTF-8).",
        summary_ar="الملف ليس نصًا بترميز UTF-8.",
    ),
    Code(
        "FC007",
        ERROR,
        "forbidden character",
        "{name} (U+{codepoint:04X}) is not allowed in records",
        "{fix}",
        "Delete it: bidi controls, invisible, format and control characters, and line or paragraph "
        "separators can make a record read differently from what it shows; for CR, save with LF line ends.",
        summary_ar="محرف غير مسموح: محارف التحكم في الاتجاه، والمحارف الخفية ومحارف التحكم.",
    ),
    Code(
        "FC008",
        ERROR,
        "not a record",
        "the file must hold one mapping (a record), found {found}",
        "Start the file with `id: <file name>` and write the record's keys at the left margin.",
        summary_ar="الملف لا يحمل سجلًا: السجل مجموعة واحدة من المفاتيح وقيمها.",
    ),
    Code(
        "FC009",
        ERROR,
        "mapping key",
        "mapping key {key} must be text",
        "Write the key as plain words, e.g. `paragraph:` not `1:`.",
        summary_ar="مفتاح ليس نصًا (رقم مثلًا).",
    ),
    Code(
        "FC010",
        ERROR,
        "misplaced file",
        "'{file}' {problem}",
        "{fix}",
        "Records live in the folders under facts/ that schema/kinds.json registers (facts/claims/, "
        "facts/entities/, …) and end in .yaml (not .yml).",
        summary_ar="ملف في غير موضعه: السجلات في مجلدات `facts/` المسجّلة، وتنتهي بـ`.yaml`.",
    ),
    Code(
        "FC011",
        ERROR,
        "nesting too deep",
        "values are nested deeper than {limit} levels",
        "Records are shallow (a few levels): flatten the structure; see the schema reference.",
        summary_ar="قيم متداخلة أعمق من المسموح.",
    ),
    Code(
        "FC012",
        ERROR,
        "number out of range",
        "the number {value} is outside the range records allow (±{limit:.0e})",
        "Numbers in records are counts, amounts and paragraph numbers: write the number the source gives, "
        "as digits (no 1e999, no thousands of digits).",
        summary_ar="عدد خارج المدى الذي تسمح به السجلات.",
    ),
    Code(
        "FC013",
        ERROR,
        "not a regular file",
        "'{file}' is {what}; records are regular files",
        "Replace it with the record's own file (copy the content, not a link): a link or a special file can "
        "publish or read something outside the dataset, so it is never opened.",
        summary_ar="ليس ملفًا عاديًا (رابط رمزي أو ملف خاص)، فلا يُفتح.",
    ),
    # 1xx: schema
    Code(
        "FC101",
        ERROR,
        "unknown key",
        "unknown key '{key}'",
        "Remove it or fix its spelling. Allowed here: {allowed}.",
        summary_ar="مفتاح غير معروف في هذا الموضع.",
    ),
    Code(
        "FC102",
        ERROR,
        "missing field",
        "required field '{key}' is missing",
        "Add `{key}:`: {description}",
        summary_ar="حقل مطلوب غير موجود.",
    ),
    Code(
        "FC103",
        ERROR,
        "wrong type",
        "{what} must be {expected}, not {actual}",
        "{description}",
        summary_ar="القيمة من نوع خاطئ (نص في موضع قائمة مثلًا).",
    ),
    Code(
        "FC104",
        ERROR,
        "value not allowed",
        "{value} is not an allowed value here",
        "{allowed}",
        summary_ar="قيمة غير مسموحة في هذا الموضع.",
    ),
    Code("FC105", ERROR, "schema rule", "{problem}", "{description}", summary_ar="مخالفة لقاعدة من قواعد المخطط."),
    Code(
        "FC110",
        ERROR,
        "impossible date",
        "date '{date}' does not exist",
        "Write a real date as YYYY, YYYY-MM or YYYY-MM-DD, keeping only the precision the source gives.",
        summary_ar="تاريخ لا وجود له في التقويم.",
    ),
    Code(
        "FC106",
        ERROR,
        "placeholder left in",
        "{field} still holds the placeholder text «{text}»",
        "Replace it with your own words: `factcheck new` writes placeholders for you to fill in.",
        summary_ar="ما زال في الحقل النص المؤقت الذي يكتبه `factcheck new`.",
    ),
    Code(
        "FC111",
        ERROR,
        "end before start",
        "{end_field} '{end}' is before {start_field} '{start}'",
        "Swap the two dates or correct the one that is wrong.",
        summary_ar="تاريخ النهاية قبل تاريخ البداية.",
    ),
    Code(
        "FC112",
        ERROR,
        "date and its wording",
        "{field} '{date}' does not fit the words it is written as, '{written}': {problem}",
        "{fix}",
        "Write the date the words give, no more precise than they are unless `basis: inferred` says why, "
        "or correct `as_written`.",
        summary_ar="التاريخ لا يوافق العبارة التي كُتب بها.",
    ),
    # 2xx: identity and references
    Code(
        "FC201",
        ERROR,
        "id and file name",
        "id '{id}' differs from the file name '{stem}'",
        "Rename the file to {id}.yaml or set `id: {stem}`.",
        summary_ar="المعرّف يختلف عن اسم الملف.",
    ),
    Code(
        "FC202",
        ERROR,
        "duplicate id",
        "{kind} id '{id}' is also used by {other}",
        "Give one of the records a new id (and rename its file).",
        summary_ar="معرّف يستعمله سجل آخر.",
    ),
    Code(
        "FC203",
        ERROR,
        "dangling reference",
        "{field} refers to {kind} '{ref}', which does not exist",
        "Use the id of an existing {kind} (its file name in {folder}) or add that record.{suggestion}",
        summary_ar="إحالة إلى سجل غير موجود.",
    ),
    Code(
        "FC204",
        ERROR,
        "reference of wrong type",
        "{problem}",
        "{fix}",
        "Refer to a record of the kind and type the field takes: facts/properties/ says what each property takes.",
        summary_ar="إحالة إلى سجل من نوع لا يقبله الحقل.",
    ),
    Code(
        "FC205",
        ERROR,
        "verdict and evidence",
        "verdict '{rating}' needs {needed}; the evidence has {has}",
        "{fix}",
        "A rating whose entry in the verdict scale counts sources (`supporting_sources` in "
        "schema/claim.schema.json: `corroborated` two or more, `single-source` one) needs supporting quotes from that "
        "many different articles.",
        summary_ar="الحكم لا يوافق عدد المقالات المؤيدة في الأدلة.",
    ),
    Code(
        "FC206",
        ERROR,
        "reported speech stated as fact",
        "{field} states what {speaker} said as fact: {problem}",
        "Open it with {opening}: a claim resting on a statement (`attribution`) says who said it.",
        "A claim with `attribution` opens its statement with «بحسب <speaker>،» in Arabic and "
        '"According to <speaker>," in English, the speaker named as in its entity record (name or alias).',
        summary_ar="قول منقول مكتوب كأنه واقعة: يبدأ الادعاء بـ«بحسب …،».",
    ),
    Code(
        "FC207",
        ERROR,
        "text that names an entity",
        "value.text is the name of {entity} ({name}): a name is a reference, not text",
        "Refer to the entity: give `value: {{entity: {entity}}}` with a property that takes an entity, or make it "
        "the claim's subject (facts/properties/ says what each property takes). Rules compare references, never text.",
        "A text value that is, as a whole, an entity's name or alias is written as a reference to that entity.",
        summary_ar="قيمة نصية هي اسم كيان: الاسم إحالة إلى الكيان لا نص.",
    ),
    Code(
        "FC208",
        ERROR,
        "verdict silent on its contradiction",
        "verdict.reasoning.{lang} does not name {record}, a contradiction record that names this claim",
        "Say in the reasoning, in both languages, that the claim is in {record} and what that record concludes: "
        "a verdict rests on the records' evidence, and a reader of the claim must learn of the disagreement.",
        "A claim that a contradiction record names says so in its verdict's reasoning, naming the record's id.",
        summary_ar="تعليل الحكم لا يذكر سجل التعارض الذي يسمّي الادعاء.",
    ),
    Code(
        "FC209",
        ERROR,
        "withdrawn id reused",
        "{kind} id '{id}' belongs to a withdrawn record ({tombstone})",
        "Give the new record an id of its own: a withdrawn record's id and address stay taken, so old links "
        "never lead to a different record.",
        summary_ar="معرّف سجل مسحوب مستعمل من جديد: يبقى معرّف السجل المسحوب وعنوانه محجوزين.",
    ),
    Code(
        "FC210",
        ERROR,
        "no replacement",
        "replaced_by '{ref}' is not a {kind} in the dataset",
        "Name the {kind} that replaces the withdrawn one (its file name in facts/{folder}/), or leave "
        "`replaced_by` out if nothing replaces it.",
        "Name the record of the same kind that replaces the withdrawn one, or leave `replaced_by` out.",
        summary_ar="السجل البديل المذكور في `replaced_by` غير موجود من النوع نفسه.",
    ),
    # 3xx: sources and quotes
    Code(
        "FC301",
        ERROR,
        "quote not in source",
        "quote not found in {source} ({file})",
        "Copy the words exactly from the article "
        "(only spacing, harakat, tatweel, digit forms and quote marks may differ). "
        "Closest passage in paragraph {paragraph}: «{closest}»",
        summary_ar="الاقتباس غير موجود في المصدر.",
    ),
    Code(
        "FC302",
        ERROR,
        "wrong paragraph",
        "quote is in paragraph {found} of {source}, not paragraph {given}",
        "Set `paragraph: {found}`.",
        summary_ar="الاقتباس في فقرة غير الفقرة المذكورة.",
    ),
    Code(
        "FC303",
        ERROR,
        "stored article changed",
        "sha256 of {file} is {actual}, the record says {expected}",
        "{fix}",
        "Stored articles are never edited: restore the original file, or name the right file if the record "
        "names another source's article. A new version of an article is a new source.",
        summary_ar="تغيّر المقال المحفوظ: بصمته لا توافق ما في السجل.",
    ),
    Code(
        "FC304",
        ERROR,
        "stored article missing",
        "stored article '{file}' {problem}",
        "Put the article under seeds/ and name it in `file:` relative to the repository root.",
        summary_ar="المقال المحفوظ غير موجود.",
    ),
    Code(
        "FC305",
        ERROR,
        "no such paragraph",
        "{source} has {count} paragraphs; there is no paragraph {given}",
        "Count non-empty lines of the stored article from 1.",
        summary_ar="لا فقرة بهذا الرقم في المصدر.",
    ),
    Code(
        "FC306",
        ERROR,
        "alias not in its source",
        "alias '{text}' is not written in {source}",
        "An alias's `source` is an article that uses that spelling: copy the spelling exactly from it, or "
        "drop `source` if no article in the corpus uses it.",
        summary_ar="الصيغة غير مكتوبة في المصدر المنسوبة إليه.",
    ),
    Code(
        "FC307",
        ERROR,
        "quote without words",
        "the quote {problem}",
        "A quote proves a claim by its words: copy at least {min_letters} letters from the article, and at "
        "least one word of {min_word} or more letters between any two `…`.",
        summary_ar="اقتباس بلا كلمات تكفي.",
    ),
    Code(
        "FC308",
        ERROR,
        "one article, two sources",
        "{source} stores the same article as {other} ({how})",
        "One article has exactly one source record, so that two quotes from it never count as two sources: "
        "delete this record and point its claims' evidence at {other}.",
        summary_ar="مقال واحد في سجلَّي مصدر.",
    ),
    Code(
        "FC309",
        ERROR,
        "shown text not in article",
        "{field} is marked as shown, but «{text}» is not in {file}",
        "Copy the {what} exactly as the article shows it, or set `shown: false` if the stored text does not show it.",
        summary_ar="نص موسوم بأن الصفحة تعرضه وليس في المقال.",
    ),
]

_DOCUMENT = (
    "Document it: add facts/contradictions/<id>.yaml naming {involved} with `detected_by: {code}`, "
    "a resolution type and an explanation in both languages (or deprecate a claim that is wrong, with `rank_reason`)."
)
_CODES += [
    # 4xx: consistency across records (rules); each finding must be documented by a contradiction record
    Code(
        "FC401",
        ERROR,
        "single value",
        "{subject} has different values for '{property}' at overlapping times: {values}",
        _DOCUMENT,
        summary_ar="قيمتان مختلفتان لخاصية ذات قيمة واحدة في زمنين متداخلين.",
    ),
    Code(
        "FC402",
        ERROR,
        "single holder",
        "'{property}' {value} has more than one subject at overlapping times: {subjects}",
        _DOCUMENT,
        summary_ar="أكثر من موضوع لقيمة واحدة (كشاغلَين لمنصب واحد) في زمنين متداخلين.",
    ),
    Code(
        "FC403",
        ERROR,
        "event dates differ",
        "event {event} is given dates that cannot both hold: {dates}",
        _DOCUMENT,
        summary_ar="تواريخ للحدث نفسه لا يمكن أن تصحّ معًا.",
    ),
    Code(
        "FC405",
        ERROR,
        "counts differ",
        "{subject} is given different counts at overlapping times: {amounts}",
        _DOCUMENT,
        summary_ar="أعداد مختلفة للشيء نفسه في زمنين متداخلين.",
    ),
    Code(
        "FC406",
        ERROR,
        "shared name",
        "the name '{name}' belongs to several entities: {owners}",
        _DOCUMENT,
        summary_ar="اسم واحد لأكثر من كيان.",
    ),
    Code(
        "FC407",
        ERROR,
        "unlisted spelling",
        "the quote names {subject} as '{spelling}', which is not among its names",
        "Add `{{text: {spelling}, lang: ar, kind: spelling, source: {source}}}` to its aliases (kind `error` with a "
        "note if the spelling is wrong), or fix the claim's subject if it is someone else.",
        summary_ar="يسمّي الاقتباس الكيان بصيغة ليست بين أسمائه.",
    ),
    Code(
        "FC408",
        ERROR,
        "calendar mismatch",
        "{where}: {problem}",
        _DOCUMENT,
        summary_ar="تاريخ لا يوافق التقويم (كيوم أسبوع لا يوافق تاريخه).",
    ),
    Code(
        "FC409",
        ERROR,
        "relative date",
        "'{written}' does not fit {source}'s publication date ({published})",
        _DOCUMENT,
        summary_ar="تاريخ نسبي لا يوافق تاريخ نشر المصدر.",
    ),
    Code(
        "FC410",
        ERROR,
        "reported before it happened",
        "{source} (published {published}) reports this as past, but the claim's time is later",
        "Check the claim's time; if the source describes a plan, use a property "
        "that may lie in the future (e.g. `scheduled`). " + _DOCUMENT,
        summary_ar="يروي المصدر بصيغة الماضي ما يقع زمنه بعد نشره.",
    ),
    Code(
        "FC411",
        ERROR,
        "holder before the body exists",
        "{post} is held by {holder} before {body} was established",
        _DOCUMENT,
        summary_ar="شاغل لمنصب قبل إنشاء الجهة التي يتبعها.",
    ),
    Code(
        "FC412",
        ERROR,
        "source contradicts itself",
        "within {source}: {inner}",
        _DOCUMENT,
        summary_ar="المصدر يناقض نفسه.",
    ),
    Code(
        "FC413",
        WARNING,
        "may conflict, by imprecision",
        "{inner}, but only if their imprecise dates meet ({rule} when certain)",
        "If a source gives a more precise date, write it. Otherwise document it: add facts/contradictions/<id>.yaml "
        "naming {involved} with `detected_by: FC413` and the resolution that fits (often temporal-succession or "
        "granularity), explained in both languages.",
        "Claims that would conflict (FC401, FC402, FC405) but overlap only as far as their dates are imprecise: "
        "a warning, to document with the resolution that fits, or to settle with a more precise date.",
        summary_ar="تعارض محتمل لا يقع إلا إن التقت التواريخ غير الدقيقة.",
    ),
    Code(
        "FC414",
        WARNING,
        "predecessor mismatch",
        "{claim} says {holder} replaced {named} in {post}, but the holder before, in time, is {before}",
        "Check the dates of the holdings and who `replaces` names; if both are what the sources say, document it "
        "(`detected_by: FC414`) or silence it on the claim with the reason.",
        summary_ar="السلف المذكور غير الشاغل السابق في الزمن.",
    ),
    Code(
        "FC415",
        WARNING,
        "possibly one entity twice",
        "{names} may be one {type}: their names read alike once spelling variants are folded ({name})",
        "If they are one, merge them: keep one record, move the other's spellings into its aliases and point the "
        "claims at it. If they are two, silence the warning on one record with the reason (`silenced`).",
        summary_ar="قد يكون الكيانان كيانًا واحدًا: اسماهما متقاربان.",
    ),
    Code(
        "FC416",
        WARNING,
        "one end date for unrelated holders",
        "{holders} all stopped holding different posts on {date}",
        "A date shared by unrelated holdings is often copied by mistake: check each against its source. If the "
        "sources say so, silence the warning on the claims with the reason (`silenced`).",
        summary_ar="تاريخ نهاية واحد لشاغلين لا صلة بينهم.",
    ),
    Code(
        "FC491",
        ERROR,
        "an error set aside",
        "{id} sets aside {silenced}, which is not one of the engine's warnings",
        "Only warnings can be set aside with `silenced`; document an error with a contradiction record, or correct "
        "the data.",
        summary_ar="تنحية خطأ: لا يُنحّى إلا التنبيه.",
    ),
    Code(
        "FC490",
        WARNING,
        "stale contradiction",
        "contradiction {id} (detected_by {detected_by}) matches no finding",
        "If the conflict is gone, delete the record; if a reader found it, set `detected_by: manual`.",
        summary_ar="سجل تعارض لا يطابق أي ملاحظة من المحرك.",
    ),
    # 5xx: published records (validate --changed BASE compares with what BASE published)
    Code(
        "FC501",
        ERROR,
        "published change not logged",
        "the {fields} of this published {kind} changed since {base}, and `changes` has no new entry",
        "Add an entry under `changes:` with today's `date`, its `kind` (correction, verdict-change or update) and "
        "`what` changed and why, in ar and en: readers see every change to a published record.",
        summary_ar="تغيّر حكم ادعاء منشور أو قيمته أو نصه دون مدخل جديد في سجل تغييراته (`changes`).",
    ),
    Code(
        "FC502",
        ERROR,
        "published record removed",
        "{kind} '{id}' was published at {base} and is gone, with no tombstone",
        "Keep its address: add facts/withdrawn/{id}.yaml with `kind: {kind}`, the `withdrawn` date, the `reason` "
        "(ar, en) and `replaced_by` if another record replaces it.",
        "Add a tombstone, facts/withdrawn/<id>.yaml (kind, withdrawn date, reason, replaced_by), so its page stays.",
        summary_ar="حُذف سجل منشور دون سجل سحب (`facts/withdrawn/`) يُبقي عنوانه.",
    ),
]

CODES: dict[str, Code] = {c.code: c for c in _CODES}


def get(code: str) -> Code:
    return CODES[code]


def markdown_table() -> str:
    """The code table as Markdown, for the docs and `factcheck codes`."""
    lines = ["| code | severity | what | message | how to fix |", "|---|---|---|---|---|"]
    for c in _CODES:
        cells = [c.code, c.severity, c.title, c.message, c.table_hint]
        lines.append("| " + " | ".join(x.replace("|", "\\|") for x in cells) + " |")
    return "\n".join(lines) + "\n"


START, END = "<!-- codes:start -->", "<!-- codes:end -->"


def replace_table(text: str) -> str:
    """`text` with the code table between its START and END markers."""
    if START not in text or END not in text:
        raise ValueError(f"no {START} … {END} markers")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{markdown_table()}{END}{tail}"
