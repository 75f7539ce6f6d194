from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SdgPublic")


@_attrs_define
class SdgPublic:
    """A Sustainable Development Goal or target and how many loaded recommendations cite it.

    Attributes:
        code (str):
        goal (int):
        title (None | str):
        recommendations (int):
    """

    code: str
    goal: int
    title: None | str
    recommendations: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        goal = self.goal

        title: None | str
        title = self.title

        recommendations = self.recommendations

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "goal": goal,
                "title": title,
                "recommendations": recommendations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        goal = d.pop("goal")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        recommendations = d.pop("recommendations")

        sdg_public = cls(
            code=code,
            goal=goal,
            title=title,
            recommendations=recommendations,
        )

        sdg_public.additional_properties = d
        return sdg_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
