"""The report's charts, drawn with Plotly from the same rows as the tables beside them.

Each function returns a figure; `figure_html` turns it into a <div> with a fixed id (Plotly
would otherwise pick a random one, and the same warehouse must give the same report). The
hover text of every mark carries the exact printed value and its source line.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from .data import DocumentData
from .format import amount, percent

FONT = 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'
CURRENT, PRIOR, BUDGET = "#1f5fa8", "#9db9dc", "#c9a227"
OUTCOME_COLOURS = {
    "pass": "#2e7d32",
    "rounding": "#f9a825",
    "acknowledged": "#5c6bc0",
    "not_evaluable": "#9e9e9e",
    "fail": "#c62828",
}
CONFIG = {"displaylogo": False, "responsive": True}
# The look of plotly_white (white background, light grid) without its defaults for every
# trace type: each figure carries a copy of its template, and the full one is most of a
# page's weight and of the time to draw it.
TEMPLATE = go.layout.Template(layout=pio.templates["plotly_white"].layout)


def figure_html(figure: go.Figure, div_id: str) -> str:
    return figure.to_html(
        full_html=False, include_plotlyjs=False, div_id=div_id, config=CONFIG, validate=False
    )


def classes(data: DocumentData) -> go.Figure:
    rows = data.classes.rows
    names = [f"{r['class_name']} {r['function_code']}" for r in rows]
    figure = _figure(height=140 + 60 * len(rows))
    if any(r["prior_year_wan_yuan"] is not None for r in rows):
        _prior_year_bars(figure, names, rows, "上年(由项推算) prior year")
    _bars(
        figure,
        names,
        rows,
        "amount_wan_yuan",
        CURRENT,
        name="本年决算 this year",
        text=[amount(r["amount_wan_yuan"]) for r in rows],
        customdata=[r["source_line"] for r in rows],
        hovertemplate="%{y}<br>%{text} 万元<br>第 %{customdata} 行<extra></extra>",
    )
    figure.update_layout(barmode="group", yaxis_autorange="reversed", xaxis_title="万元")
    return figure


def items(data: DocumentData) -> go.Figure:
    rows = data.items.rows
    names = [f"{r['item_name']} {r['function_code']}" for r in rows]
    figure = _figure(height=160 + 34 * len(rows))
    _prior_year_bars(figure, names, rows, "上年 prior year")
    _bars(
        figure,
        names,
        rows,
        "amount_wan_yuan",
        CURRENT,
        name="本年 this year",
        text=[_change_label(r["change_pct"]) for r in rows],
        textposition="outside",
        cliponaxis=False,
        customdata=[[amount(r["amount_wan_yuan"]), r["source_line"]] for r in rows],
        hovertemplate=(
            "%{y}<br>本年 %{customdata[0]} 万元 (%{text})<br>第 %{customdata[1]} 行<extra></extra>"
        ),
    )
    figure.update_layout(
        barmode="group",
        yaxis_autorange="reversed",
        xaxis_title="万元",
        margin_r=70,  # room for the change labels outside the longest bar
    )
    return figure


def shares(rows: list[dict[str, Any]]) -> go.Figure:
    figure = _figure(height=160 + 44 * len(rows))
    _bars(
        figure,
        [r["name"] for r in rows],
        rows,
        "amount_wan_yuan",
        CURRENT,
        text=[f"{amount(r['amount_wan_yuan'])} 万元" for r in rows],
        textposition="auto",
        customdata=[
            [percent(r["share_pct"], r["share_decimals"]), r["amount_source_line"]] for r in rows
        ],
        hovertemplate="%{y}<br>%{text}, 占 %{customdata[0]}%<br>第 %{customdata[1]} 行"
        "<extra></extra>",
    )
    figure.update_layout(yaxis_autorange="reversed", xaxis_title="万元", showlegend=False)
    return figure


def three_public(data: DocumentData) -> go.Figure:
    rows = [r for r in data.three_public.rows if r["budget_wan_yuan"] is not None]
    names = [r["component_name"] for r in rows]
    figure = _figure(height=160 + 60 * len(rows))
    for name, key, colour in (
        ("全年预算数 budget", "budget_wan_yuan", BUDGET),
        ("决算数 final", "final_wan_yuan", CURRENT),
    ):
        _bars(
            figure,
            names,
            rows,
            key,
            colour,
            name=name,
            text=[amount(r[key]) for r in rows],
            textposition="auto",
            customdata=[r["budget_source_line"] for r in rows],
            hovertemplate="%{y}<br>%{text} 万元<br>第 %{customdata} 行<extra></extra>",
        )
    figure.update_layout(barmode="group", yaxis_autorange="reversed", xaxis_title="万元")
    return figure


def projects(data: DocumentData) -> go.Figure:
    rows = [r for r in data.projects.rows if r["execution_rate_pct"] is not None]
    figure = _figure(height=460)
    figure.add_scatter(
        x=[_float(r["execution_rate_pct"]) for r in rows],
        y=[_float(r["total_score"]) for r in rows],
        mode="markers",
        marker={"color": CURRENT, "size": 9, "opacity": 0.75},
        text=[f"{r['table_id']} {r['project_name']}" for r in rows],
        customdata=[
            [
                percent(r["execution_rate_pct"]),
                amount(r["total_score"]),
                amount(r["executed_wan_yuan"]),
                r["source_line"],
            ]
            for r in rows
        ],
        hovertemplate=(
            "%{text}<br>执行率 %{customdata[0]}%, 得分 %{customdata[1]}<br>"
            "执行数 %{customdata[2]} 万元<br>第 %{customdata[3]} 行<extra></extra>"
        ),
    )
    figure.update_layout(
        xaxis_title="执行率 execution rate (%)", yaxis_title="总分 score", showlegend=False
    )
    return figure


def missed_indicators(data: DocumentData) -> go.Figure:
    rows = [r for r in data.missed_indicators.rows if r["achievement_ratio"] is not None]
    names = [f"{r['table_id']} {r['level3_name']}" for r in rows]
    figure = _figure(height=160 + 30 * len(rows))
    figure.add_bar(
        y=names,
        x=[_float(r["achievement_ratio"] * 100) for r in rows],
        orientation="h",
        marker_color="#c62828",
        text=[percent(r["achievement_ratio"] * 100) + "%" for r in rows],
        textposition="auto",
        customdata=[[r["target_text"], r["actual_text"], r["source_line"]] for r in rows],
        hovertemplate="%{y}<br>目标 %{customdata[0]}, 实际 %{customdata[1]}<br>"
        "完成 %{text}<br>第 %{customdata[2]} 行<extra></extra>",
    )
    figure.add_vline(x=100, line_dash="dash", line_color="#555")
    figure.update_layout(
        yaxis_autorange="reversed",
        xaxis_title="实际/目标 achieved (%)",
        xaxis_range=[0, 105],
        showlegend=False,
    )
    return figure


def identity_outcomes(data: DocumentData) -> go.Figure:
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for row in data.identity_counts:
        counts[row["outcome"]][row["identity_id"]] = row["checks"]
    totals: dict[str, int] = defaultdict(int)
    for row in data.identity_counts:
        totals[row["identity_id"]] += row["checks"]
    identities = sorted(totals, key=_identity_order)
    labels = [f"{i} ({totals[i]})" for i in identities]
    figure = _figure(height=180 + 22 * len(identities))
    for outcome, colour in OUTCOME_COLOURS.items():
        if outcome not in counts:
            continue
        figure.add_bar(
            name=outcome,
            y=labels,
            x=[counts[outcome].get(i, 0) for i in identities],
            orientation="h",
            marker_color=colour,
            customdata=[counts[outcome].get(i, 0) for i in identities],
            hovertemplate="%{y}: " + outcome + " %{customdata}<extra></extra>",
        )
    figure.update_layout(
        barmode="stack",
        barnorm="percent",
        yaxis_autorange="reversed",
        xaxis_title="各结果所占比例 share of the identity's checks (%)",
    )
    return figure


def _bars(figure: go.Figure, labels, rows, key: str, colour: str, **trace) -> None:
    """Horizontal bars of one amount column, one per row, labelled on the y axis."""
    figure.add_bar(
        y=labels,
        x=[_float(r[key]) for r in rows],
        orientation="h",
        marker_color=colour,
        **trace,
    )


def _prior_year_bars(figure: go.Figure, labels, rows, name: str) -> None:
    _bars(
        figure,
        labels,
        rows,
        "prior_year_wan_yuan",
        PRIOR,
        name=name,
        customdata=[amount(r["prior_year_wan_yuan"]) for r in rows],
        hovertemplate="%{y}<br>上年 %{customdata} 万元<extra></extra>",
    )


def _figure(height: int) -> go.Figure:
    # Plotly checks every property as it is set, which is most of the time a page takes; the
    # charts' properties are fixed here and the report's test renders every one in Chromium.
    figure = go.Figure(_validate=False)
    figure.update_layout(
        template=TEMPLATE,
        height=height,
        margin={"l": 10, "r": 30, "t": 30, "b": 40},
        font={"family": FONT, "size": 12},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        yaxis={"automargin": True},
    )
    return figure


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _change_label(change_pct: Decimal | None) -> str:
    return "" if change_pct is None else f"{percent(change_pct, signed=True)}%"


def _identity_order(identity_id: str) -> tuple[str, int]:
    return identity_id[0], int(identity_id[1:]) if identity_id[1:].isdigit() else 0
