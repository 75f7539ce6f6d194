"""The word tables of the action-category rules (`app.classification.action_category`).

The verbs of each category (`VERBS`, from the methodology's verb lists and tuned on UPR Info's
coding of sessions 1–13), the verbs whose category depends on their object
(`OBJECT_DEPENDENT`) and the objects that decide it, the nouns of a recommendation written
without a verb (`NOMINALS`), the markers of an example of a specific action, and the words the
lead-in, the refusals and the verb chain skip or look for. Tables only: the rules that read them
are in `action_lead_in`, `action_verbs` and `action_category`.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CAT1 = _words("call appeal ask solicit avail enlist share exchange request seek mobilize mobilise")
_CAT2 = _words("continue maintain pursue persevere persist sustain keep remain")
_CAT3 = _words(
    """consider reconsider envisage envision contemplate examine re-examine reexamine
    explore study reflect review re-evaluate revise evaluate assess analyse analyze
    debate foresee revisit weigh ponder look"""
)
_CAT4 = _words(
    """accelerate address encourage engage ensure guarantee intensify promote speed
    strengthen step enhance improve increase reinforce redouble further respect protect
    combat fight support facilitate expedite foster prioritize comply cooperate work
    follow follow-up pay prevent tackle expand build deepen consolidate advance strive
    endeavour endeavor allocate take make do involve fulfil fulfill move focus devote
    better refrain monitor act accord exert invest uphold accomplish place spare ease
    abide safeguard resolve bolster counter overcome mainstream multiply solve remedy
    heed empower secure coordinate simplify regulate attach deal spread modernize
    reach find contribute demonstrate clarify adjust embark upgrade achieve avoid
    broaden streamline urge honour honor fast-track stay oversee conform recognize
    give use condemn restore treat hold begin enable devise draw disseminate
    institute stop cease eradicate halt reduce end integrate raise enforce
    inform acknowledge identify realize permit collaborate update consult observe curb
    alleviate limit push attain show try enter emphasize bridge see"""
)
_CAT5 = _words(
    """ratify accede sign adopt amend abolish establish enact repeal investigate prosecute
    punish withdraw lift release decriminalize decriminalise criminalize criminalise
    prohibit ban extend issue become incorporate implement conduct develop undertake
    eliminate introduce create set put bring submit invite finalize finalise complete
    harmonize reform grant pass abrogate revoke remove define publish train include
    allow accept respond adhere open close modify elaborate formulate draft design
    approve collect translate organize organise commute declare report agree start
    join launch align conclude impose adapt provide apply commit prepare rescind codify
    suspend replace abandon dismantle promulgate legislate equalize outlaw appoint
    accredit specify circulate designate re-establish reinstate confirm endorse
    present publicize publicise compile execute renew free lower elevate
    reopen authorize communicate legalize exclude invalidate annul
    operationalize operationalise strike delete disband hire recruit deploy
    fund finance budget earmark double triple educate sensitize
    sensitise meet denounce formalize formalise offer resume restrict clear record drop
    track enshrine transform separate suppress demobilize penalize penalise charge host
    proceed initiate carry"""
)
# verbs whose category depends on their object, with the category when the object says
# nothing: "adopt measures" is 4, "adopt a law" 5, "adopt a comprehensive approach" 4
OBJECT_DEPENDENT: dict[str, int] = {
    **dict.fromkeys(
        _words(
            """adopt implement develop establish introduce create elaborate formulate design
        draw prepare set undertake initiate launch enforce apply"""
        ),
        5,
    ),
    **dict.fromkeys(_words("provide put include make integrate institute build devise"), 4),
    "carry": 5,
}
VERBS: dict[str, int] = {
    word: category
    for category, words in ((1, _CAT1), (2, _CAT2), (3, _CAT3), (4, _CAT4), (5, _CAT5))
    for word in words
}

# nouns that name the action of a recommendation written without a verb: "Recommended the
# adoption of …", "Establishment of an independent national human rights institution"
NOMINALS: dict[str, int] = {
    **dict.fromkeys(
        _words(
            """adoption abolition abolishment establishment decriminalization
        decriminalisation criminalization criminalisation ratification accession enactment
        creation introduction amendment amendments repeal withdrawal investigation
        investigations prosecution release elaboration development implementation
        signature signing lifting removal extension issuance submission"""
        ),
        5,
    ),
    **dict.fromkeys(
        _words(
            """consideration reconsideration review study examination evaluation assessment
        analysis"""
        ),
        3,
    ),
    **dict.fromkeys(_words("continuation pursuit maintenance"), 2),
    **dict.fromkeys(
        _words(
            """strengthening promotion improvement protection enhancement intensification
        respect"""
        ),
        4,
    ),
}
IRREGULAR_PARTICIPLES = {
    "done": "do",
    "made": "make",
    "taken": "take",
    "given": "give",
    "set": "set",
    "put": "put",
    "brought": "bring",
    "undertaken": "undertake",
    "drawn": "draw",
    "built": "build",
    "kept": "keep",
    "sought": "seek",
    "withdrawn": "withdraw",
    "held": "hold",
}
# objects that make an object-dependent verb general: "adopt measures" is 4
GENERAL_OBJECTS = _words(
    """measure measures step steps action actions effort efforts strategy strategies policy
    policies approach approaches initiative initiatives reform reforms
    provision provisions environment conditions condition framework frameworks capacity
    capacities attention priority progress ways way means solutions solution practices
    safeguards guarantees resources awareness dialogue activities support access
    opportunities process processes procedure procedures accountability standard standards
    infrastructure cooperation"""
)
# objects that make an object-dependent verb specific: "provide training", "include … in
# the Constitution" (read further than the general objects, across prepositions)
SPECIFIC_OBJECTS = _words(
    """law laws legislation legislative legal training constitution code act bill plan
    commission institution ombudsman ombudsperson mechanism moratorium body office unit
    court courts register registry database definition invitation report campaign
    campaigns shelter shelters vaccination curriculum curricula declaration declarations
    amendments investigation investigations statistics"""
)
# quantities: "increase the number of shelters", "raise the minimum age" are specific
QUANTITY_VERBS = _words("increase raise reduce lower")
QUANTITIES = _words(
    """age number numbers resources funding budget budgets penalty penalties allocation
    salaries salary quota quotas percentage"""
)
# modifiers that make a general object specific: "adopt legislative measures" is 5
SPECIFIC_MODIFIERS = _words(
    """legislative legal law laws legislation statutory constitutional criminal penal
    specific time-bound"""
)
# objects of "undertake", "conduct", "carry out" that consider change: "undertake a review"
STUDY_OBJECTS = _words(
    """review reviews study studies assessment assessments evaluation evaluations analysis
    analyses examination survey surveys research reflection reflections appraisal
    mapping"""
)
# objects of "seek", "request" and the like that ask for help
ASSISTANCE = _words(
    """assistance support help cooperation co-operation advice expertise aid partnership
    partnerships funding"""
)
# subjects (before "should") that are not the State under review
NON_SUR_SUBJECTS = (
    ("international", "community"),
    ("other", "states"),
    ("other", "countries"),
    ("developed", "countries"),
    ("donor",),
    ("donors",),
    ("united", "nations"),
    ("ohchr",),
    ("council",),
    ("high", "commissioner"),
    ("partners",),
)
# nouns naming a specific act, for the examples principle: "including the ratification of"
SPECIFIC_NOUNS = _words(
    """ratification accession adoption amendment amendments abolition enactment
    establishment investigation investigations prosecution repeal creation introduction
    withdrawal criminalization criminalisation decriminalization moratorium"""
)
EXAMPLE_MARKERS = (
    ("including",),
    ("includes",),
    ("in", "particular"),
    ("particularly",),
    ("notably",),
    ("inter", "alia"),
    ("such", "as"),
    ("especially",),
    ("specifically",),
    ("for", "example"),
    ("for", "instance"),
    ("e", "g"),
    ("namely",),
    ("by",),
    ("through",),
)
ADVERBS = _words(
    """further fully effectively immediately promptly actively seriously favourably
    favorably positively urgently swiftly also duly firmly thoroughly systematically
    expeditiously formally explicitly publicly strictly closely progressively rapidly
    vigorously completely significantly regularly widely successfully unconditionally
    expressly definitively clearly strongly speedily forcefully carefully legally
    quickly officially resolutely consistently gradually eventually finally urgently
    genuinely concretely properly substantially steadily continuously constantly
    decisively diligently earnestly energetically truly really sincerely specially
    specifically necessarily adequately appropriately actually thereby hereby then
    still now soon already first firstly secondly lastly again additionally moreover
    equally both either not proactively meaningfully transparently independently
    impartially fairly openly critically periodically routinely sufficiently
    comprehensively efficiently credibly"""
)
CLAUSE_OPENERS = _words(
    """in as while with within without following given bearing taking building noting
    on through after before when upon based according pursuant consistent recalling
    acknowledging regarding concerning mindful where if once since for at by during
    under beyond besides alongside together particularly especially whilst whereas
    although though considering recognizing recognising welcoming emphasizing
    appreciating commending aware"""
)
FOREIGN = _words(
    """le la les des du et une dans pour sur est aux au el los las y que del por para
    con una lo su sus se ne pas ou il elle nous vous ils qui"""
)
ENGLISH = _words("the of and to in for with on its that all by from as be")
TRAILING_FUNCTION_WORDS = _words("the a an and or its their")

DETERMINERS = _words("the a an its all prompt swift immediate early speedy full")

MARKER_STARTS = frozenset(marker[0] for marker in EXAMPLE_MARKERS)
