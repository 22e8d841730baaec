"""What a reader would have to scroll sideways for, measured in a page of the built handbook.

Used by the browser tests: :data:`LAYOUT` and :data:`BANDED` run in the page (Playwright's
``page.evaluate``), :func:`layout_problems` and :func:`colour_problems` turn what they measure into
sentences naming the element or formula at fault.
"""

from __future__ import annotations

#: Measured in the page, in one pass: what sticks out of the screen; what scrolls sideways with no
#: cue; and for each display formula, its pieces (KaTeX's unbreakable spans), its lines and the
#: room it has.
LAYOUT = """async () => {
  await document.fonts.ready;
  const article = document.querySelector('article');
  const screen = document.documentElement.clientWidth;
  const name = el => el.tagName.toLowerCase() + [...el.classList].map(c => '.' + c).join('');
  const clips = new Map([[article, false]]);
  const clipped = el => {  // inside a box that scrolls or clips sideways (memoised: a table has many cells)
    const up = el.parentElement;
    if (!clips.has(up)) clips.set(up, getComputedStyle(up).overflowX !== 'visible' || clipped(up));
    return clips.get(up);
  };
  const all = [...article.querySelectorAll('*')];
  const outside = all.filter(el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && (box.left < -1 || box.right > screen + 1) && !clipped(el);
  }).map(name);
  const silent = all.filter(el => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
    .filter(el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
    .filter(el => getComputedStyle(el).backgroundImage === 'none').map(name);
  const formulas = [...article.querySelectorAll('.katex-display > .katex > .katex-html')].map(row => {
    const style = getComputedStyle(row);
    const pieces = [...row.children].map(piece => piece.getBoundingClientRect());
    let lines = 1;
    for (let k = 1; k < pieces.length; k++) if (pieces[k].left < pieces[k - 1].right - 1) lines++;
    const right = parseFloat(style.paddingRight), left = parseFloat(style.paddingLeft);
    const width = row.closest('.katex-display').clientWidth;  // the room of the display, not the row's
    let scrolling = 0;  // the row and the boxes around it up to its table or section that scroll
    for (let box = row; box && !box.matches('section, .table-wrapper'); box = box.parentElement) {
      scrolling += box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== 'visible';
    }
    const section = row.closest('section[id]');
    return {
      section: section ? section.id : '',
      tex: row.parentElement.querySelector('annotation').textContent,
      free: style.whiteSpace !== 'nowrap',
      cell: row.closest('td') !== null,
      scrolls: scrolling > 0,
      scrollers: scrolling,
      room: width - left - right,
      first: width - left - parseFloat(style.textIndent) - right,
      widest: Math.max(...pieces.map(piece => piece.width)),
      length: pieces.reduce((sum, piece) => sum + piece.width, 0),
      lines,
    };
  });
  return {outside, silent, formulas};
}"""
#: The boxes that scroll sideways whose cue is painted in another colour than what lies behind them
#: (the cue covers the shadow at an end already reached with the colour of the page: a formula on a
#: dark page with a light cover would sit in a light band).
BANDED = """() => {
  const probe = document.createElement('i');
  document.body.appendChild(probe);
  const colour = value => { probe.style.color = ''; probe.style.color = value; return getComputedStyle(probe).color; };
  const behind = el => {
    for (let up = el; up; up = up.parentElement) {
      const paint = getComputedStyle(up).backgroundColor;
      if (paint !== 'rgba(0, 0, 0, 0)') return paint;
    }
    return colour('white');
  };
  const banded = [...document.querySelectorAll('article *')]
    .filter(el => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
    .filter(el => getComputedStyle(el).backgroundImage !== 'none')
    .map(el => [el, colour(getComputedStyle(el).getPropertyValue('--cover').trim()), behind(el)])
    .filter(([, cover, back]) => cover !== back)
    .map(([el, cover, back]) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: ${cover} on ${back}`);
  probe.remove();
  return banded;
}"""


def layout_problems(report: dict, all_wrap: bool = False) -> list[str]:
    """What would make a reader scroll sideways, or read a formula broken for no reason.

    A formula free to wrap may scroll only if one of its pieces is wider than a line (one huge
    fraction), and one that fits on a line is not broken (desktop rendering stays as it was). Only
    a formula in a table column is kept on one line, and none is where ``all_wrap`` (an identity
    page on a phone, where the tables of formulas are cards).
    """
    problems = [f"sticks out of the screen: {n}" for n in report["outside"][:5]]
    problems += [f"scrolls sideways with no cue: {n}" for n in report["silent"][:5]]
    for f in report["formulas"]:
        where = f"{f['section']}: {f['tex'][:70]}"
        if not f["free"] and (all_wrap or not f["cell"]):
            problems.append(f"is kept on one line ({where})")
        if f["scrollers"] > 1:
            problems.append(f"scrolls in {f['scrollers']} boxes, one inside another ({where})")
        if f["free"] and f["scrolls"] and f["widest"] <= f["room"] + 1:
            problems.append(f"scrolls although each of its pieces fits a line ({where})")
        if f["lines"] > 1 and f["length"] <= f["first"] - 1:
            problems.append(f"is broken although it fits on a line ({where})")
    return problems


def colour_problems(page) -> list[str]:
    """In light and dark: cues painted in another colour than what lies behind them (the page is
    left in light)."""
    problems = []
    for scheme in ("dark", "light"):
        page.emulate_media(color_scheme=scheme)
        problems += [f"its cue is a band of another colour ({scheme}): {n}" for n in page.evaluate(BANDED)[:5]]
    return problems
