<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>LessonDock</name>
    <message>
        <location filename="../../annviz/gui/lessons/area.py" line="64"/>
        <source>Lessons</source>
        <translation>수업</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="226"/>
        <source>✓ finished</source>
        <translation>✓ 마침</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="228"/>
        <source>stopped at step {n} of {m}</source>
        <translation>{m}단계 중 {n}단계에서 멈춤</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="229"/>
        <source>{m} steps</source>
        <translation>{m}단계</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="237"/>
        <source>Continue</source>
        <translation>이어서 하기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="237"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="241"/>
        <source>This lesson file cannot be used:</source>
        <translation>이 수업 파일은 쓸 수 없습니다:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="248"/>
        <source>Concepts: {words}</source>
        <translation>개념: {words}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="250"/>
        <source>Achievement standard (인공지능 기초): {code}</source>
        <translation>성취기준(인공지능 기초): {code}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="252"/>
        <source>From your lessons folder: {path}</source>
        <translation>내 수업 폴더에서: {path}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="298"/>
        <source>Step {n} of {m}</source>
        <translation>{m}단계 중 {n}단계</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="305"/>
        <source>Finish ✓</source>
        <translation>마치기 ✓</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="305"/>
        <source>Next ▶</source>
        <translation>다음 단계 ▶</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="331"/>
        <source>{name} = {value}: it should be at least {bound}</source>
        <translation>{name} = {value}: {bound} 이상이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="334"/>
        <source>{name} = {value}: it should be at most {bound}</source>
        <translation>{name} = {value}: {bound} 이하여야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="336"/>
        <source>{name} = {value}: it should be {bound}</source>
        <translation>{name} = {value}: {bound}이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="350"/>
        <source>Hint ({k} of {n})</source>
        <translation>힌트 ({n}개 중 {k})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="356"/>
        <source>Lessons</source>
        <translation>수업</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="359"/>
        <source>Follow the chosen lesson from where you stopped</source>
        <translation>고른 수업을 멈춘 곳부터 이어서 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="360"/>
        <source>Start over</source>
        <translation>처음부터</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="361"/>
        <source>Follow the chosen lesson from its first step</source>
        <translation>고른 수업을 첫 단계부터 다시 합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="362"/>
        <source>Follow a lesson from a .toml file a teacher gave you</source>
        <translation>선생님이 준 .toml 파일의 수업을 엽니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="363"/>
        <source>Leave this lesson and choose another (your place is kept)</source>
        <translation>이 수업을 나가 다른 수업을 고릅니다(지금 위치는 기억됩니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="364"/>
        <source>Show the next hint for this task</source>
        <translation>이 과제의 다음 힌트를 봅니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="365"/>
        <source>The step before this one</source>
        <translation>이전 단계로 갑니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="366"/>
        <source>The next step (it waits until the task is done, unless you skip)</source>
        <translation>다음 단계로 갑니다(건너뛰지 않으면 과제를 마칠 때까지 기다립니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="367"/>
        <source>Open a lesson file…</source>
        <translation>수업 파일 열기…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="368"/>
        <source>Your lessons folder…</source>
        <translation>내 수업 폴더…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="369"/>
        <source>Lessons put in this folder (.toml files) appear in the list</source>
        <translation>이 폴더에 넣은 수업(.toml 파일)이 목록에 나타납니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="370"/>
        <source>☰ All lessons</source>
        <translation>☰ 수업 목록</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="371"/>
        <source>Your turn</source>
        <translation>해 보기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="372"/>
        <source>⟲ Reset this step</source>
        <translation>⟲ 이 단계 처음으로</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="373"/>
        <source>Set the app back to how this step began</source>
        <translation>앱을 이 단계가 시작될 때의 상태로 되돌립니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="374"/>
        <source>◀ Back</source>
        <translation>◀ 이전 단계</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="375"/>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/panel.py" line="376"/>
        <source>Go on without doing the task</source>
        <translation>과제를 하지 않고 넘어갑니다</translation>
    </message>
</context>
<context>
    <name>LessonPlayer</name>
    <message>
        <location filename="../../annviz/gui/lessons/player.py" line="126"/>
        <source>Well done: you finished “{title}”.</source>
        <translation>잘했습니다! “{title}” 수업을 마쳤습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/player.py" line="183"/>
        <source>This step could not set everything up ({what}).</source>
        <translation>이 단계의 준비를 모두 마치지 못했습니다({what}).</translation>
    </message>
</context>
<context>
    <name>LessonsArea</name>
    <message>
        <location filename="../../annviz/gui/lessons/__init__.py" line="21"/>
        <source>&amp;Lessons</source>
        <translation>수업(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/__init__.py" line="22"/>
        <source>Open &amp;lesson…</source>
        <translation>수업 열기(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/area.py" line="115"/>
        <source>Reading the lessons in your folder: {done} of {total}…</source>
        <translation>내 수업 폴더의 수업을 읽는 중: {total}개 중 {done}개…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/area.py" line="158"/>
        <source>Open a lesson</source>
        <translation>수업 열기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/area.py" line="159"/>
        <source>annviz lessons (*{suffix})</source>
        <translation>annviz 수업 (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/area.py" line="213"/>
        <location filename="../../annviz/gui/lessons/area.py" line="224"/>
        <source>The lesson was not opened</source>
        <translation>수업을 열지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lessons/area.py" line="214"/>
        <source>The lesson you were following could not be opened, so the list of lessons is shown instead.</source>
        <translation>따라 하던 수업을 열지 못해 수업 목록을 대신 보여 줍니다.</translation>
    </message>
</context>
</TS>
