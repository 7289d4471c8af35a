# SPDX-FileCopyrightText: 2026 The Outbound Open Source course authors
# SPDX-License-Identifier: Apache-2.0
"""QTI 2.1: an IMS content package of assessment items, one per question, and a test per module.

Each item is a single-choice ``choiceInteraction`` with the options in the course's order (not
shuffled: an explanation may name a letter), the right one as the ``correctResponse``, scored as the
standard ``match_correct`` template scores (1 for the key, else 0), written out so that it can also
set the outcome that shows the explanation as feedback after answering. Each
module's ``assessmentTest`` holds a section per lesson and sums the items' scores. The package's
``imsmanifest.xml`` lists every item and test as a resource with its file and dependencies.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..translations import _
from .items import Item, Module

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
SCHEMA = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
MATCH_CORRECT = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"


def _root(tag: str, attributes: str, body: str, language: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<{tag} xmlns="{QTI}" xmlns:xsi="{XSI}" '
            f'xsi:schemaLocation="{QTI} {SCHEMA}" {attributes} xml:lang={quoteattr(language)}>\n{body}</{tag}>\n')


def item_xml(item: Item, title: str, language: str) -> str:
    feedback = _("Answer: {letter}. {explanation}").format(letter=item.letter, explanation=item.explanation)
    choices = "".join(f'      <simpleChoice identifier="{"ABCDEFGH"[i]}">{escape(option)}</simpleChoice>\n'
                      for i, option in enumerate(item.options))
    body = (
        '  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">\n'
        f"    <correctResponse><value>{item.letter}</value></correctResponse>\n"
        "  </responseDeclaration>\n"
        '  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">\n'
        "    <defaultValue><value>0</value></defaultValue>\n"
        "  </outcomeDeclaration>\n"
        '  <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>\n'
        "  <itemBody>\n"
        '    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">\n'
        f"      <prompt>{escape(item.stem)}</prompt>\n{choices}"
        "    </choiceInteraction>\n"
        "  </itemBody>\n"
        "  <responseProcessing>\n"
        "    <responseCondition>\n"
        "      <responseIf>\n"
        '        <match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>\n'
        '        <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>\n'
        "      </responseIf>\n"
        "    </responseCondition>\n"
        '    <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">EXPLANATION</baseValue>'
        "</setOutcomeValue>\n"
        "  </responseProcessing>\n"
        '  <modalFeedback outcomeIdentifier="FEEDBACK" identifier="EXPLANATION" showHide="show">'
        f"{escape(feedback)}</modalFeedback>\n"
    )
    return _root("assessmentItem", f'identifier={quoteattr(item.identifier)} title={quoteattr(title)} '
                 'adaptive="false" timeDependent="false"', body, language)


def test_xml(module: Module, language: str) -> str:
    sections = ""
    for lesson, title in module.lessons:
        refs = "".join(f'      <assessmentItemRef identifier={quoteattr(item.identifier)} '
                       f'href="items/{item.identifier}.xml"/>\n' for item in module.items if item.lesson == lesson)
        sections += (f'    <assessmentSection identifier={quoteattr(_name(lesson))} title={quoteattr(title)} '
                     f'visible="true">\n{refs}    </assessmentSection>\n')
    body = (
        '  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">\n'
        "    <defaultValue><value>0</value></defaultValue>\n"
        "  </outcomeDeclaration>\n"
        '  <testPart identifier="part" navigationMode="nonlinear" submissionMode="simultaneous">\n'
        f"{sections}  </testPart>\n"
        "  <outcomeProcessing>\n"
        '    <setOutcomeValue identifier="SCORE"><sum><testVariables variableIdentifier="SCORE"/></sum>'
        "</setOutcomeValue>\n"
        "  </outcomeProcessing>\n"
    )
    return _root("assessmentTest", f"identifier={quoteattr(_name(module.docname))} title={quoteattr(module.title)}",
                 body, language)


def _name(docname: str) -> str:
    return "S-" + "".join(c if c.isalnum() or c in "-." else "-" for c in docname)


def manifest(identifier: str, title: str, modules: list[Module]) -> str:
    resources = ""
    for module in modules:
        for item in module.items:
            href = f"items/{item.identifier}.xml"
            resources += (f'    <resource identifier={quoteattr("I-" + item.identifier)} type="imsqti_item_xmlv2p1" '
                          f'href="{href}">\n      <file href="{href}"/>\n    </resource>\n')
        href = f"tests/{_name(module.docname)}.xml"
        dependencies = "".join(f'      <dependency identifierref={quoteattr("I-" + item.identifier)}/>\n'
                               for item in module.items)
        resources += (f'    <resource identifier={quoteattr("T-" + _name(module.docname))} type="imsqti_test_xmlv2p1" '
                      f'href="{href}">\n      <file href="{href}"/>\n{dependencies}    </resource>\n')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<manifest xmlns="{CP}" xmlns:xsi="{XSI}" '
            f'identifier={quoteattr(identifier + "-qti")} '
            f'xsi:schemaLocation="{CP} http://www.imsglobal.org/xsd/imscp_v1p1.xsd">\n'
            f"  <metadata>\n    <schema>QTIv2.1 Package</schema>\n    <schemaversion>1.0.0</schemaversion>\n"
            f"  </metadata>\n  <organizations/>\n  <resources>\n{resources}  </resources>\n</manifest>\n")


def package(identifier: str, title: str, modules: list[Module], language: str) -> dict[str, str]:
    """The package's files: path in the zip -> text."""
    titles = {lesson: name for module in modules for lesson, name in module.lessons}
    files = {"imsmanifest.xml": manifest(identifier, title, modules)}
    for module in modules:
        files[f"tests/{_name(module.docname)}.xml"] = test_xml(module, language)
        for item in module.items:
            # Translators: an item's title in the LMS: the lesson's title and the question's number.
            title = _("{lesson}, question {number}").format(lesson=titles[item.lesson], number=item.number)
            files[f"items/{item.identifier}.xml"] = item_xml(item, title, language)
    return files
