"""HTTP routes for states."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from sqlmodel import Session

from app.auth.deps import WriteKey
from app.db import DbDep
from app.kit.pagination import Page
from app.kit.params import ISO3_PATTERN, Iso3Path
from app.kit.problems import ProblemError, not_found, problem_example, problem_responses
from app.models.states import State
from app.states import queries
from app.states.schemas import AliasCreate, StateDetail, StatePublic
from app.unit_of_work import UnitOfWorkDep
from app.vocab import RegionalGroup, StateStatus

router = APIRouter(prefix="/v1/states", tags=["states"])


def _get_state(db: Session, iso3: str) -> State:
    state = db.get(State, iso3.upper())
    if state is None:
        raise not_found(f"A state with ISO3 code '{iso3.upper()}'")
    return state


@router.get("", response_model=Page[StatePublic], responses=problem_responses(422))
def list_states(
    db: DbDep,
    regional_group: RegionalGroup | None = Query(None, description="Only this UN regional group."),
    status: StateStatus | None = Query(None, description="Only members or only observers."),
) -> Page[StatePublic]:
    """List all UN member and observer states, in name order.

    The list is short (195 states) and always returned whole, with `total`.
    """
    states = queries.list_states(db, regional_group, status)
    items = [StatePublic.model_validate(state) for state in states]
    return Page(items=items, total=len(items))


def _detail(db: Session, state: State) -> StateDetail:
    return StateDetail(
        iso3=state.iso3,
        name=state.name,
        status=state.status,
        regional_group=state.regional_group,
        aliases=queries.aliases_of(db, state.iso3),
    )


@router.get("/{iso3}", response_model=StateDetail, responses=problem_responses(404, 422))
def get_state(db: DbDep, iso3: Iso3Path) -> StateDetail:
    """Get one state by its ISO 3166-1 alpha-3 code, with the other names it appears under."""
    return _detail(db, _get_state(db, iso3))


@router.post(
    "/{iso3}/aliases",
    response_model=StateDetail,
    status_code=201,
    responses={
        200: {"description": "The alias already named this state; nothing changed."},
        **problem_responses(
            401,
            403,
            404,
            409,
            413,
            422,
            examples={
                "not a string": problem_example(
                    422,
                    "invalid-request",
                    "body.alias: Input should be a valid string",
                    ("body.alias", "Input should be a valid string"),
                )
            },
        ),
    },
)
def add_state_alias(
    response: Response, work: UnitOfWorkDep, key: WriteKey, iso3: Iso3Path, body: AliasCreate
) -> StateDetail:
    """Teach the name resolver another name of a state (as `upr states alias` does).

    Imports resolve state names through these aliases. 409 when the name already belongs to
    another state. Needs an API key with the `write` scope; audited.
    """
    state = _get_state(work.db, iso3)
    try:
        row, created = queries.add_alias(work, body.alias, state.iso3)
    except queries.InvalidAlias as error:
        raise ProblemError(422, "invalid-request", str(error)) from error
    except queries.AliasConflict as error:
        raise ProblemError(409, "conflict", str(error)) from error
    if created:
        work.audit(key, "alias.create", f"{state.iso3}:{row.alias}")
    else:
        response.status_code = 200
    return _detail(work.db, state)


@router.delete(
    "/{iso3}/aliases/{alias}",
    status_code=204,
    response_class=Response,
    responses=problem_responses(401, 403, 404, 422),
)
def delete_state_alias(
    work: UnitOfWorkDep,
    key: WriteKey,
    iso3: Annotated[
        str,
        Path(
            pattern=ISO3_PATTERN,
            description="ISO 3166-1 alpha-3 code of the state.",
            examples=["TUR"],  # the state "Turkey" names
        ),
    ],
    alias: Annotated[
        str, Path(max_length=120, description="The other name to remove.", examples=["Turkey"])
    ],
) -> Response:
    """Remove another name of a state (matched ignoring case and accents).

    Needs an API key with the `write` scope; audited.
    """
    state = _get_state(work.db, iso3)
    row = queries.remove_alias(work, alias, state.iso3)
    if row is None:
        raise not_found(f"An alias {alias!r} of {state.iso3}")
    work.audit(key, "alias.delete", f"{state.iso3}:{row.alias}")
    return Response(status_code=204)
