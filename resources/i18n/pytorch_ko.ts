<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ForeignModelDialog</name>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="68"/>
        <source>A PyTorch network</source>
        <translation>PyTorch 신경망</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="70"/>
        <source>{file} holds a PyTorch network without annviz's description: {sizes} neurons in the layers {layers}. The file cannot say what comes between and after its layers, so please tell annviz.</source>
        <translation>{file}에는 annviz의 설명이 없는 PyTorch 신경망이 들어 있습니다: 층 {layers}, 뉴런 수 {sizes}. 층 사이와 마지막 층 뒤에 무엇이 오는지는 파일에 없으니 annviz에 알려 주세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="75"/>
        <source>Activation of the hidden layers:</source>
        <translation>은닉층의 활성화 함수:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="77"/>
        <source>The last layer outputs logits: apply softmax</source>
        <translation>마지막 층의 출력은 로짓입니다: 소프트맥스를 적용</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="82"/>
        <source>As for nn.CrossEntropyLoss; also right for a network that ends in softmax.</source>
        <translation>nn.CrossEntropyLoss로 학습한 경우입니다. 소프트맥스로 끝나는 신경망에도 맞습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/foreign_dialog.py" line="83"/>
        <source>The last layer's outputs are shown as they are.</source>
        <translation>마지막 층의 출력을 그대로 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annviz/gui/main_window.py" line="181"/>
        <source>Could not write {path}: {error}</source>
        <translation>{path}에 쓸 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/main_window.py" line="275"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/main_window.py" line="276"/>
        <source>The current view as &amp;PNG…</source>
        <translation>현재 화면을 PNG로(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/main_window.py" line="277"/>
        <source>PyTorch &amp;script…</source>
        <translation>PyTorch 스크립트(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/main_window.py" line="332"/>
        <source>Export as a PyTorch script</source>
        <translation>PyTorch 스크립트로 내보내기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/main_window.py" line="333"/>
        <source>Python script (*.py)</source>
        <translation>Python 스크립트 (*.py)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/main_window.py" line="339"/>
        <source>PyTorch script written</source>
        <translation>PyTorch 스크립트를 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/main_window.py" line="340"/>
        <source>{script} defines the network in PyTorch and loads its weights from {weights}, written beside it.

Run: python {name} --help</source>
        <translation>{script}는 신경망을 PyTorch로 정의하고, 같은 폴더에 함께 저장한 {weights}에서 가중치를 읽습니다.

실행: python {name} --help</translation>
    </message>
</context>
</TS>
