"""Go's text/template as Docker's ``--format`` runs it: output and errors, checked against
Docker 20.10's ``docker inspect -f`` on the same data."""

from __future__ import annotations

from typing import Any

import pytest

from builder.cli.listformat import header_label, render, tabwrite
from builder.errors import TemplateError
from builder.gotemplate import Method, NilMap, Struct, go_sprintf, parse, template

DATA: dict[str, Any] = {
    "Name": "/c1", "Id": "0aa353971c76243f", "Args": ["sh", "-c", "exit 3"],
    "State": {"Status": "exited", "Running": False, "ExitCode": 3, "Health": None},
    "Config": {"Labels": {"a": "x<y&z", "b": "2"}, "Cmd": ["/busybox", "sh", "-c", "exit 3"],
               "Entrypoint": None},
    "HostConfig": {"PidsLimit": None, "ShmSize": 67108864, "Dns": []},
}


@pytest.mark.parametrize(("template", "expected"), [
    ("{{.State.Status}}", "exited"),
    ("plain text", "plain text"),
    ("{{.Config.Labels.nope}}", "<no value>"),
    ("{{.Nope}}", "<no value>"),
    ("{{.Nope.Deeper}}", "<no value>"),
    ("{{json .Config.Labels}}", '{"a":"x<y&z","b":"2"}'),
    ("{{json .Config.Cmd}}", '["/busybox","sh","-c","exit 3"]'),
    ("{{json .HostConfig.PidsLimit}} {{json 1.5}} {{json true}}", "null 1.5 true"),
    ("{{.Config.Labels}}", "map[a:x<y&z b:2]"),
    ("{{.Config.Cmd}}", "[/busybox sh -c exit 3]"),
    ("{{.State.ExitCode}} {{.HostConfig.ShmSize}}", "3 67108864"),
    ("{{.HostConfig.Dns}}", "[]"),
    ("{{.HostConfig.PidsLimit}} {{.State.Health}} {{print nil}}", "<nil> <nil> <nil>"),
    ("{{.State.Running}} {{true}} {{false}}", "false true false"),
    ('{{index .Config.Labels "a"}}', "x<y&z"),
    ('{{index .Config.Labels "zz"}}', "<no value>"),
    ('{{index . "Name"}} {{index .Name 1}} {{index .Args 0 1}}', "/c1 99 104"),
    ('{{.Name | printf "%q"}}', '"/c1"'),
    ("{{ len .Config.Cmd }} {{len .Name}} {{len .Config.Labels}}", "4 3 2"),
    ('{{printf "%d" 3 4}}', "3%!(EXTRA int=4)"),
    ('{{printf "%v|%d|%5.2f|%x|%q|%t|%s" .Config.Labels 42 3.14159 255 "a\\"b" true .Args}}',
     'map[a:x<y&z b:2]|42| 3.14|ff|"a\\"b"|true|[sh -c exit 3]'),
    ('{{printf "%c|%U|%08.3f|%+d|% d|%#x|%o|%b|%e|%G" 65 65 3.14159 5 5 255 8 5 1234.5678 '
     '1e21}}', "A|U+0041|0003.142|+5| 5|0xff|10|101|1.234568e+03|1E+21"),
    ('{{printf "%6.2v|%-6v|%06d|%x|%X|%q" 3.14159 "ab" -42 "hi" -255 65}}',
     "   3.1|ab    |-00042|6869|-FF|'A'"),
    ('{{printf "%v %v %v %v" 1e20 1e21 0.0001 0.00001}}', "1e+20 1e+21 0.0001 1e-05"),
    ('{{printf "%v %v" 1e6 123456.0}}', "1e+06 123456"),
    ('{{printf "%s %d" .Args .Args}}',
     "[sh -c exit 3] [%!d(string=sh) %!d(string=-c) %!d(string=exit 3)]"),
    ('{{printf "%d %d"}}', "%!d(MISSING) %!d(MISSING)"),
    ('{{printf "%!"}}', "%!!(MISSING)"),
    ('{{printf "%z" 1}}', "%!z(int=1)"),
    ('{{printf "%q" .Args}}', '["sh" "-c" "exit 3"]'),
    ('{{printf "%v" nil}} {{printf "%d" nil}}', "<nil> %!d(<nil>)"),
    ('{{printf "%s" 5}} {{printf "%d" "x"}}', "%!s(int=5) %!d(string=x)"),
    ('{{printf "%5s|%-10s|%.2s" "ab" "cd" "xyz"}}', "   ab|cd        |xy"),
    ("{{if .State.Running}}up{{else}}down{{end}}", "down"),
    ("{{if .Nope}}a{{else if .Args}}b{{else}}c{{end}}", "b"),
    ("{{if and .Args .Name}}yes{{end}}", "yes"),
    ("{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}", "a=x<y&z;b=2;"),
    ("{{range .Config.Cmd}}[{{.}}]{{end}}", "[/busybox][sh][-c][exit 3]"),
    ("{{range $i, $e := .Args}}{{$i}}:{{$e}} {{end}}", "0:sh 1:-c 2:exit 3 "),
    ("{{range .HostConfig.Dns}}x{{else}}none{{end}}", "none"),
    ("{{range .Args}}{{if eq . \"-c\"}}{{break}}{{end}}{{.}}{{end}}", "sh"),
    ("{{range .Args}}{{if eq . \"-c\"}}{{continue}}{{end}}{{.}}{{end}}", "shexit 3"),
    ("{{range .Args}}{{$.Name}}{{end}}", "/c1/c1/c1"),
    ("{{with .State}}{{.Status}}{{end}}", "exited"),
    ("{{with .Nope}}a{{else}}b{{end}}", "b"),
    ('{{join .Config.Cmd ","}}', "/busybox,sh,-c,exit 3"),
    ('{{split .Name "c"}} {{len (split "a,b,c" ",")}}', "[/ 1] 3"),
    ('{{title "hello world-x"}} {{upper "ab"}} {{lower "AB"}}', "Hello World-X AB ab"),
    ("{{truncate .Id 5}} {{truncate .Name 10}}", "0aa35 /c1"),
    ("{{pad .Name 2 3}}|{{pad \"\" 2 2}}|", "  /c1   ||"),
    ("{{slice .Name 1}} {{slice .Args 1 2}}", "c1 [-c]"),
    ("{{3.0}} {{1e3}} {{0x1F}} {{-2}} {{1.5}} {{'a'}} {{0o17}} {{017}}",
     "3 1000 31 -2 1.5 97 15 15"),
    ('{{print 1 2 "a" "b" 3}}', "1 2ab3"),
    ("{{println 1 2}}|", "1 2\n|"),
    ('{{lt "a" "b"}} {{le 2 2}} {{gt 1 2}} {{ge 2.5 1.5}} {{ne 1 2}} {{eq "x" "y" "x"}}',
     "true true false true true true"),
    ('{{and 1 0 2}} {{or 0 "" "x"}} {{not 0}} {{and 1 2}}', "0 x true 2"),
    ("{{$x := 1}}{{$x = 2}}{{$x}}", "2"),
    ("{{$n := .Name}}{{with .State}}{{$n}}:{{.Status}}{{end}}", "/c1:exited"),
    ("{{(index .Args 2)}} {{(.State).Status}}", "exit 3 exited"),
    ('{{"a\\tb"}}|{{`raw\\n`}}', "a\tb|raw\\n"),
    ("a {{- \" b \" -}} c", "a b c"),
    ("a {{-3}}", "a -3"),
    ("x  {{- /* c */ -}}  y{{/* a\ncomment */}}", "xy"),
    ("{{.}}", "map[Args:[sh -c exit 3] Config:map[Cmd:[/busybox sh -c exit 3] Entrypoint:<nil> "
     "Labels:map[a:x<y&z b:2]] HostConfig:map[Dns:[] PidsLimit:<nil> ShmSize:67108864] "
     "Id:0aa353971c76243f Name:/c1 State:map[ExitCode:3 Health:<nil> Running:false "
     "Status:exited]]"),
])
def test_output(template: str, expected: str) -> None:
    assert parse(template).execute(DATA) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ('{{define "x"}}[{{.Status}}]{{end}}a{{template "x" .State}}b', "a[exited]b"),
    ('{{template "x" .Name}}{{define "x"}}<{{.}}>{{end}}', "</c1>"),  # defined after use
    ('{{define "x"}}[{{.}}]{{end}}{{template "x"}}', "[<no value>]"),  # no pipe: no value
    ('{{define "x"}}{{$}}|{{$.Status}}{{end}}{{template "x" .State}}',
     "map[ExitCode:3 Health:<nil> Running:false Status:exited]|exited"),
    ('{{define "x"}}{{.Name}}{{end}}{{with .State}}{{template "x" $}}{{end}}', "/c1"),
    ('{{block "b" .Name}}<{{.}}>{{end}}|{{template "b" "z"}}', "</c1>|<z>"),
    ('{{define "x"}}a{{end}}{{define "x"}} {{end}}{{template "x"}}', "a"),  # empty: no effect
    ('{{define "x"}} {{end}}{{define "x"}}b{{end}}{{template "x"}}', "b"),  # replaces empty
    ('{{define ""}}D{{end}} \n', "D"),  # the top level is empty: the definition is it
    ('x{{- define "x"}}a{{end -}}\ny', "xy"),
    ('{{template "x" $y := 3}}{{$y}}{{define "x"}}{{.}}{{end}}', "33"),  # $y stays
    ('{{define "r"}}{{if lt (len .) 3}}{{.}}:{{template "r" (printf "%sx" .)}}{{end}}{{end}}'
     '{{template "r" ""}}', ":x:xx:"),
    ('{{range .Args}}{{template "q" .}}{{end}}{{define "q"}}({{.}}){{end}}', "(sh)(-c)(exit 3)"),
])
def test_named_templates(source: str, expected: str) -> None:
    assert parse(source).execute(DATA) == expected


@pytest.mark.parametrize(("template", "message"), [
    ("{{foo .}}", 'template: :1: function "foo" not defined'),
    ("{{.State.Status", "template: :1: unclosed action"),
    ("{{}}", "template: :1: missing value for command"),
    ("{{if .X}}", "template: :1: unexpected EOF"),
    ("{{end}}", "template: :1: unexpected {{end}}"),
    ("{{else}}", "template: :1: unexpected {{else}}"),
    ("{{$x}}", 'template: :1: undefined variable "$x"'),
    ('{{"abc}}', "template: :1: unterminated quoted string"),
    ("{{ ( .A }}", "template: :1: unclosed left paren"),
    ("{{.A )}}", 'template: :1: unexpected ")" in command'),
    ("{{/* c*/ }}", "template: :1: comment ends before closing delimiter"),
    ("{{break}}", "template: :1: {{break}} outside {{range}}"),
    ("a\nb {{if}}", "template: :2: missing value for if"),
])
def test_parse_errors(template: str, message: str) -> None:
    with pytest.raises(TemplateError) as err:
        parse(template)
    assert str(err.value) == message
    assert err.value.parsing


@pytest.mark.parametrize(("template", "message"), [
    ('{{$x := 1}}{{define "x"}}{{$x}}{{end}}', 'template: :1: undefined variable "$x"'),
    ('{{$x := 1}}{{block "b" .}}{{$x}}{{end}}', 'template: :1: undefined variable "$x"'),
    ('{{block "b"}}{{.}}{{end}}', "template: :1: missing value for block clause"),
    ('{{if 1}}{{define "x"}}a{{end}}{{end}}', "template: :1: unexpected <define> in command"),
    ('{{define "x"}}{{define "y"}}a{{end}}{{end}}',
     "template: :1: unexpected <define> in command"),
    ('{{define x}}a{{end}}', 'template: :1: unexpected "x" in define clause'),
    ('{{define "x" .}}a{{end}}', "template: :1: unexpected <.> in define clause"),
    ('{{define "x"}}a', "template: :1: unexpected EOF"),
    ('{{block "b" .}}a', "template: :1: unexpected EOF"),
    ('{{define "x"}}a{{else}}b{{end}}', "template: :1: unexpected {{else}} in define clause"),
    ('{{define "x"}}a{{else if 1}}b{{end}}',
     "template: :1: unexpected {{else}} in define clause"),
    ('{{define "x"}}a{{else x}}b{{end}}', 'template: :1: unexpected "x" in else'),
    ('{{block "b" .}}a{{else}}b{{end}}', "template: :1: unexpected {{else}} in block clause"),
    ("{{template x}}", 'template: :1: unexpected "x" in template clause'),
    ("{{template}}", 'template: :1: unexpected "}}" in template clause'),
    ('{{template "a\\x"}}', "template: :1: invalid syntax"),
    ('{{define "x"}}a{{end}}{{define "x"}}b{{end}}',
     'template: :1: template: multiple definition of template "x"'),
    ('{{define "x"}}a{{end}}\n{{define "x"}}\nb{{end}}',
     'template: :3: template: multiple definition of template "x"'),
    ('{{block "x" .}}a{{end}}{{define "x"}}b{{end}}',
     'template: :1: template: multiple definition of template "x"'),
    ('{{define ""}}D{{end}}T', 'template: :1: template: multiple definition of template ""'),
    ('{{define "x"}}{{break}}{{end}}', "template: :1: {{break}} outside {{range}}"),
    ('{{range 1}}{{block "b" .}}{{break}}{{end}}{{end}}',
     "template: :1: {{break}} outside {{range}}"),
    ("{{| x}}", 'template: :1: unexpected "|" in command'),
    ("{{if if}}{{end}}", "template: :1: unexpected <if> in if"),
])
def test_named_template_parse_errors(template: str, message: str) -> None:
    with pytest.raises(TemplateError) as err:
        parse(template)
    assert str(err.value) == message
    assert err.value.parsing


@pytest.mark.parametrize(("template", "message"), [
    ("{{.Config.Labels.a.b}}",
     'template: :1:9: executing "" at <.Config.Labels.a.b>: can\'t evaluate field b in type '
     "interface {}"),
    ("{{.Name.Foo}}",
     "template: :1:7: executing \"\" at <.Name.Foo>: can't evaluate field Foo in type "
     "interface {}"),
    ("{{.State.Health.Status}}",
     'template: :1:8: executing "" at <.State.Health.Status>: nil pointer evaluating '
     "interface {}.Status"),
    ("{{index .Config.Cmd 5}}",
     'template: :1:2: executing "" at <index .Config.Cmd 5>: error calling index: index out '
     "of range: 5"),
    ("{{len 3}}",
     'template: :1:2: executing "" at <len 3>: error calling len: len of type int'),
    ("{{eq 1 1.0}}",
     'template: :1:2: executing "" at <eq 1 1.0>: error calling eq: incompatible types for '
     "comparison"),
    ("{{nil}}", 'template: :1:2: executing "" at <nil>: nil is not a command'),
    ("{{printf}}",
     'template: :1:2: executing "" at <printf>: wrong number of args for printf: want at '
     "least 1 got 0"),
    ("{{not 1 2}}",
     'template: :1:2: executing "" at <not>: wrong number of args for not: want 1 got 2'),
    ("{{slice .Name 1 10}}",
     'template: :1:2: executing "" at <slice .Name 1 10>: error calling slice: index out of '
     "range: 10"),
    ("{{range 5}}{{end}}", 'template: :1:8: executing "" at <5>: range can\'t iterate over 5'),
    ("{{.Name 3}}",
     'template: :1:2: executing "" at <.Name>: Name is not a method but has arguments'),
    ("{{3 4}}", 'template: :1:2: executing "" at <3>: can\'t give argument to non-function 3'),
    ('{{join .Name ","}}',
     'template: :1:7: executing "" at <.Name>: wrong type for value; expected []string; got '
     "string"),
    ("{{upper 3}}", 'template: :1:8: executing "" at <3>: expected string; found 3'),
    ('{{truncate .Name "a"}}',
     'template: :1:17: executing "" at <"a">: expected integer; found "a"'),
    ("{{upper.Name}}",  # a function with a field chain: called without arguments first
     'template: :1:2: executing "" at <upper>: wrong number of args for upper: want 1 got 0'),
    ("x\n  {{.Name.X}}",
     "template: :2:9: executing \"\" at <.Name.X>: can't evaluate field X in type interface {}"),
])
def test_exec_errors(template: str, message: str) -> None:
    tree = parse(template)
    with pytest.raises(TemplateError) as err:
        tree.execute(DATA)
    assert str(err.value) == message
    assert not err.value.parsing


@pytest.mark.parametrize(("source", "message"), [
    ('{{template "x"}}',
     'template: :1:11: executing "" at <{{template "x"}}>: template "x" not defined'),
    ('ab{{template "x" .Name}}',
     'template: :1:13: executing "" at <{{template "x" .Name}}>: template "x" not defined'),
    ('{{define "x"}}{{template "y"}}{{end}}{{template "x" 1}}',
     'template: :1:25: executing "x" at <{{template "y"}}>: template "y" not defined'),
    # errors inside a named template: its name, positions in the whole text
    ('{{define "x"}}\n {{.Nope.X}}{{end}}{{template "x" 3}}',
     "template: :2:8: executing \"x\" at <.Nope.X>: can't evaluate field Nope in type int"),
    ('{{define "a\\tb"}}{{.X}}{{end}}{{template "a\\tb" .Name}}',
     "template: :1:19: executing \"a\\tb\" at <.X>: can't evaluate field X in type string"),
    ('{{define "x"}}{{.Name 1}}{{end}}{{template "x" $}}',
     'template: :1:16: executing "x" at <.Name>: Name is not a method but has arguments'),
    ('{{define "x"}}{{.}}{{end}}{{template "x" nil}}',
     'template: :1:41: executing "" at <nil>: nil is not a command'),
    # Go's type of a value: an interface {} from a map or a range, its own out of a pipeline
    ("{{range .Args}}{{.X}}{{end}}",
     "template: :1:17: executing \"\" at <.X>: can't evaluate field X in type interface {}"),
    ("{{range $i, $e := .Args}}{{$e.X}}{{$i.X}}{{end}}",
     "template: :1:29: executing \"\" at <$e.X>: can't evaluate field X in type interface {}"),
    ("{{range $i, $e := .Args}}{{$i.X}}{{end}}",
     "template: :1:29: executing \"\" at <$i.X>: can't evaluate field X in type int"),
    ("{{$v := .Name}}{{$v.X}}",
     "template: :1:19: executing \"\" at <$v.X>: can't evaluate field X in type string"),
    ("{{range .Args}}{{with .}}{{.X}}{{end}}{{end}}",
     "template: :1:27: executing \"\" at <.X>: can't evaluate field X in type string"),
])
def test_named_template_exec_errors(source: str, message: str) -> None:
    with pytest.raises(TemplateError) as err:
        parse(source).execute(DATA)
    assert str(err.value) == message
    assert not err.value.parsing


def test_recursion_stops_at_gos_depth() -> None:
    with pytest.raises(TemplateError) as err:
        parse('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}').execute(DATA)
    assert str(err.value) == ('template: :1:25: executing "r" at <{{template "r" .}}>: '
                              "exceeded maximum template depth (100000)")


def test_recursion_beyond_pythons_stack_is_a_template_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template, "_FRAMES_PER_DEPTH", 1)  # less stack than the depth needs
    source = '{{define "r"}}{{if 1}}{{with 1}}{{template "r" $}}{{end}}{{end}}{{end}}' \
        '{{template "r" .}}'
    with pytest.raises(TemplateError, match=r'^template: :1:43: executing "r" at '
                       r'<\{\{template "r" \$\}\}>: exceeded maximum template depth \(\d+\)$'):
        parse(source).execute(DATA)


def _ps_row(labels: dict[str, str]) -> Struct:
    return Struct({"Names": "c1", "Labels": ",".join(f"{k}={v}" for k, v in labels.items())},
                  "*formatter.ContainerContext",
                  {"Label": Method(lambda name: labels.get(name, ""), ("string",))})


@pytest.mark.parametrize(("source", "expected"), [
    ('{{.Label "foo"}}|{{"x" | .Label}}|{{.Label "nope"}}|{{.Labels}}', "bar|y||foo=bar,x=y"),
    ('{{"foo" | .Label | upper}} {{with .Label "foo"}}{{.}}{{end}} {{.Label `x`}}', "BAR bar y"),
    ('{{$l := .Label "x"}}{{$l}} {{printf "%q" (.Label "foo")}} {{.Label (print "f" "oo")}}',
     'y "bar" bar'),
    ('{{.Label .Names}}|{{.Label "foo" | .Label}}|', "||"),
    ('{{define "n"}}{{.Names}}:{{.Label "foo"}}{{end}}{{template "n" .}}', "c1:bar"),
])
def test_methods(source: str, expected: str) -> None:
    assert parse(source).execute(_ps_row({"foo": "bar", "x": "y"})) == expected


@pytest.mark.parametrize(("source", "message"), [
    ("{{.Label}}", 'template: :1:2: executing "" at <.Label>: wrong number of args for Label: '
     "want 1 got 0"),
    ('{{.Label "a" "b"}}', 'template: :1:2: executing "" at <.Label>: wrong number of args for '
     "Label: want 1 got 2"),
    ('{{"a" | .Label "b"}}', 'template: :1:8: executing "" at <.Label>: wrong number of args '
     "for Label: want 1 got 2"),
    ("{{.Label.X}}", 'template: :1:8: executing "" at <.Label.X>: wrong number of args for '
     "Label: want 1 got 0"),
    ('{{index .Label "foo"}}', 'template: :1:8: executing "" at <.Label>: wrong number of args '
     "for Label: want 1 got 0"),
    ("{{.Label 3}}", 'template: :1:9: executing "" at <3>: expected string; found 3'),
    ("{{3 | .Label}}", 'template: :1:6: executing "" at <.Label>: wrong type for value; '
     "expected string; got int"),
    ("{{.Label nil}}", 'template: :1:9: executing "" at <nil>: cannot assign nil to string'),
    ("{{.Label .Nope}}", 'template: :1:9: executing "" at <.Nope>: can\'t evaluate field Nope in '
     "type *formatter.ContainerContext"),
    # a formatter's value is a method without parameters; a missing name is no field
    ('{{.Names "x"}}', 'template: :1:2: executing "" at <.Names>: wrong number of args for '
     "Names: want 0 got 1"),
    ('{{.Nope "x"}}', 'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in '
     "type *formatter.ContainerContext"),
    ("{{.Names.X}}", 'template: :1:8: executing "" at <.Names.X>: can\'t evaluate field X in '
     "type string"),
])
def test_method_errors(source: str, message: str) -> None:
    with pytest.raises(TemplateError) as err:
        parse(source).execute(_ps_row({"foo": "bar"}))
    assert str(err.value) == message


def test_label_header_is_the_label_name_as_docker_words_it() -> None:
    assert [header_label(n) for n in ("foo", "com.ex.my-key_x", "a.b.", "")] == [
        "foo", "my key x", "", ""]
    rows = [_ps_row({"com.ex.my-key": "v"})]
    assert render(r'table {{.Label "com.ex.my-key"}}\t{{.Names}}', rows, {"Names": "NAMES"},
                  "*formatter.ContainerContext") == "my key    NAMES\nv         c1"


def test_structs_and_nil_maps() -> None:
    state = Struct({"Status": "exited", "Running": False, "Pid": 0})
    data = Struct({"State": state, "Labels": NilMap()})
    assert parse("{{.State}}|{{.Labels}}|{{.Labels.x}}|{{json .Labels}}").execute(data) == (
        "{exited false 0}|map[]|<no value>|null")
    assert parse("{{printf \"%+v\" .State}} {{json .State}}").execute(data) == (
        '{Status:exited Running:false Pid:0} {"Status":"exited","Running":false,"Pid":0}')
    with pytest.raises(TemplateError, match='map has no entry for key "Nope"'):
        parse("{{.State.Nope}}").execute(data)
    with pytest.raises(TemplateError, match=r"can't evaluate field Nope in type \*f\.Row"):
        parse("{{.Nope}}").execute(Struct({}, "*f.Row"))


def test_go_sprintf_widths_and_floats() -> None:
    assert go_sprintf("%-5d|%5.1f|%x|%v|%v", 42, 2.25, "A", 0.1 + 0.2, -1e-7) == (
        "42   |  2.2|41|0.30000000000000004|-1e-07")


def test_q_and_c_of_an_integer_that_is_no_rune_give_the_replacement_character() -> None:
    # Go: a negative integer, one past U+10FFFF or a surrogate is utf8.RuneError
    for value in (-1, 0x110000, 0xD800):
        assert go_sprintf("%q|%c", value, value) == "'\ufffd'|\ufffd"
    assert go_sprintf("%q|%c|%q", 65, 65, 39) == "'A'|A|'\\''"


def test_tabwrite_matches_gos_tabwriter() -> None:
    text = "NAMES\nCONTAINER ID\tSTATUS\nc2\n4fbca56f448b\tCreated\n"
    assert tabwrite(text) == (
        "NAMES\nCONTAINER ID   STATUS\nc2\n4fbca56f448b   Created\n")
    assert tabwrite("a\tb\tc\nlonger-than-ten\t\tx") == (
        "a                 b         c\nlonger-than-ten             x")
    assert tabwrite("ID\tPORTS\nabc\t") == "ID        PORTS\nabc       "


ROWS = [{"ID": "4fbca56f448b", "Names": "c2", "Status": "Created"},
        {"ID": "0aa353971c76", "Names": "c1", "Status": "Exited (3) 1 second ago"}]
HEADERS = {"ID": "CONTAINER ID", "Names": "NAMES", "Status": "STATUS"}


@pytest.mark.parametrize(("fmt", "expected"), [
    (r"{{.ID}}\t{{.Names}}", "4fbca56f448b\tc2\n0aa353971c76\tc1"),
    (r"table {{.ID}}\t{{.Names}}",
     "CONTAINER ID   NAMES\n4fbca56f448b   c2\n0aa353971c76   c1"),
    ("table {{.Names}} and {{.ID}}",
     "NAMES and CONTAINER ID\nc2 and 4fbca56f448b\nc1 and 0aa353971c76"),
    (r"table {{upper .Names}}|{{json .Names}}|{{.Names|lower}}",
     'NAMES|NAMES|NAMES\nC2|"c2"|c2\nC1|"c1"|c1'),
    (r"table {{.Names}}\t{{.Status}}",
     "NAMES     STATUS\nc2        Created\nc1        Exited (3) 1 second ago"),
    ("  {{.Names}}  ", "c2\nc1"),
])
def test_render_rows_as_docker(fmt: str, expected: str) -> None:
    assert render(fmt, ROWS, HEADERS, "*formatter.ContainerContext") == expected


def test_render_unknown_field_is_an_error() -> None:
    with pytest.raises(TemplateError, match=r"can't evaluate field Nope in type "
                       r"\*formatter\.ContainerContext"):
        render("{{.Nope}}", ROWS, HEADERS, "*formatter.ContainerContext")


def test_json_of_a_formatter_context_is_a_sorted_escaped_map() -> None:
    """Docker's list contexts marshal themselves (json.Marshal of a map: keys sorted, <, >
    and & escaped); the json function escapes nothing else."""
    row = {"Z": "a > b & c", "A": "<x>"}
    assert parse("{{json .}}").execute(Struct(row, "*formatter.ContainerContext")) == (
        '{"A":"\\u003cx\\u003e","Z":"a \\u003e b \\u0026 c"}')
    assert parse("{{json .}}").execute(Struct(row, "")) == '{"Z":"a > b & c","A":"<x>"}'
    assert parse("{{json .Z}}").execute(Struct(row, "*formatter.ContainerContext")) == (
        '"a > b & c"')


def test_letters_beyond_ascii_in_names() -> None:
    """Go's names take any letter or digit; a letter beyond ASCII once made the lexer loop
    for ever on an empty token."""
    assert parse("{{.Idé}}|{{$é := 1}}{{$é}}").execute({"Idé": "x"}) == "x|1"
    with pytest.raises(TemplateError, match='function "é" not defined'):
        parse("{{é}}")
    with pytest.raises(TemplateError, match="unrecognized character in action: U\\+20AC '€'"):
        parse("{{€}}")
    with pytest.raises(TemplateError, match="bad character U\\+20AC '€'"):
        parse("{{.Id€}}")
