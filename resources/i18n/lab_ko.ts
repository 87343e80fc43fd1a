<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>LabPage</name>
    <message>
        <location filename="../../annviz/gui/lab/page.py" line="44"/>
        <source>Neuron lab</source>
        <extracomment>The network the perceptron&apos;s points are handed to: one hidden layer of 4, and its learning rate.</extracomment>
        <translation>뉴런 실험실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/page.py" line="47"/>
        <source>① One neuron</source>
        <translation>① 뉴런 하나</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/page.py" line="48"/>
        <source>② A perceptron that learns</source>
        <translation>② 학습하는 퍼셉트론</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/page.py" line="49"/>
        <source>③ A network on the plane</source>
        <translation>③ 평면 위의 신경망</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <location filename="../../annviz/gui/lab/network_diagram.py" line="58"/>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/network_diagram.py" line="59"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/network_diagram.py" line="60"/>
        <source>Hidden layer {index}</source>
        <translation>은닉층 {index}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/network_diagram.py" line="61"/>
        <source>{n} neurons</source>
        <translation>뉴런 {n}개</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/network_diagram.py" line="61"/>
        <source>1 neuron</source>
        <translation>뉴런 1개</translation>
    </message>
</context>
<context>
    <name>NeuronPicture</name>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="47"/>
        <source>Dendrites</source>
        <translation>수상돌기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="47"/>
        <source>inputs × weights</source>
        <translation>입력 × 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="48"/>
        <source>Cell body</source>
        <translation>신경세포체</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="48"/>
        <source>adds up: z</source>
        <translation>모두 더함: z</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="49"/>
        <source>Axon</source>
        <translation>축삭</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="49"/>
        <source>output a = f(z)</source>
        <translation>출력 a = f(z)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="50"/>
        <source>Axon terminals</source>
        <translation>축삭말단</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="50"/>
        <source>to the next neurons</source>
        <translation>다음 뉴런으로</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="165"/>
        <source>bias</source>
        <translation>편향</translation>
    </message>
</context>
<context>
    <name>NeuronView</name>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="116"/>
        <source>unit step u</source>
        <extracomment>How each activation is written in the formula a = f(z).</extracomment>
        <translation>단위 계단 함수 u</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="116"/>
        <source>sigmoid σ</source>
        <translation>시그모이드 σ</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="116"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="117"/>
        <source>ReLU</source>
        <translation>렐루(ReLU)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="117"/>
        <source>leaky ReLU</source>
        <translation>리키 렐루(leaky ReLU)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="120"/>
        <source>Free: x₁ … xₙ</source>
        <translation>자유롭게: x₁ … xₙ</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="121"/>
        <source>Is it tasty?</source>
        <translation>맛있을까?</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="122"/>
        <source>Inputs, weights and bias</source>
        <translation>입력, 가중치, 편향</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="123"/>
        <source>Example:</source>
        <translation>예시:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="124"/>
        <source>Inputs:</source>
        <translation>입력 수:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="125"/>
        <source>Activation function:</source>
        <translation>활성화 함수:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="126"/>
        <source>input (signal strength) x</source>
        <translation>입력(신호 세기) x</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="127"/>
        <source>weight w</source>
        <translation>가중치 w</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="128"/>
        <source>bias b</source>
        <translation>편향 b</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="129"/>
        <source>threshold θ = −b</source>
        <translation>임계값 θ = −b</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="130"/>
        <source>weighted sum w·x (without the bias)</source>
        <translation>가중합 w·x (편향 제외)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="130"/>
        <source>output a</source>
        <translation>출력 a</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="131"/>
        <source>a = f(w·x + b)</source>
        <translation>a = f(w·x + b)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="131"/>
        <source>f′ (slope)</source>
        <translation>f′ (기울기)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="138"/>
        <source>sight</source>
        <translation>시각</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="138"/>
        <source>hearing</source>
        <translation>청각</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="138"/>
        <source>smell</source>
        <translation>후각</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="138"/>
        <source>taste</source>
        <translation>미각</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="195"/>
        <source>tasty</source>
        <translation>맛있다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="204"/>
        <source>z = w·x + b</source>
        <translation>z = w·x + b</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="216"/>
        <source>weighted input</source>
        <translation>가중 입력</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="216"/>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="227"/>
        <source>Threshold θ = −b = {theta}: w·x = {s} {cmp} θ, so the neuron {verdict}.</source>
        <translation>임계값 θ = −b = {theta}: w·x = {s} {cmp} θ이므로 뉴런이 {verdict}.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="229"/>
        <source>fires (a = 1)</source>
        <translation>발화합니다 (a = 1)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="229"/>
        <source>stays silent (a = 0)</source>
        <translation>발화하지 않습니다 (a = 0)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="231"/>
        <source>Tasty!</source>
        <translation>맛있다!</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="231"/>
        <source>Not tasty.</source>
        <translation>맛없다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="232"/>
        <source>The bias is the person: b = −5 is someone who dislikes mint chocolate, so the senses must add up to θ = 5 before it counts as tasty. Raise b for someone who loves it: the same senses then say “tasty” sooner.</source>
        <translation>편향은 사람의 취향입니다: b = −5는 민트 초코를 싫어하는 사람이라서, 감각을 모두 더해 θ = 5가 되어야 맛있다고 느낍니다. 민트 초코를 좋아하는 사람이라면 b를 올려 보세요. 같은 감각으로도 더 쉽게 “맛있다”가 됩니다.</translation>
    </message>
</context>
<context>
    <name>PerceptronView</name>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="127"/>
        <source>AND</source>
        <extracomment>Run stops after this many epochs if the errors never reach zero; a learner who has seen this many epochs gets the verdict on the points. The learner asks for a hidden layer, for these points (a ``PlanarDataset``).</extracomment>
        <translation>AND</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="127"/>
        <source>OR</source>
        <translation>OR</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="127"/>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="128"/>
        <source>two blobs</source>
        <translation>두 군집</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="128"/>
        <source>my points</source>
        <translation>내가 찍은 점</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="131"/>
        <source>perceptron rule (unit step)</source>
        <translation>퍼셉트론 학습 규칙 (단위 계단 함수)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="132"/>
        <source>gradient descent (sigmoid)</source>
        <translation>경사 하강법 (시그모이드)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="133"/>
        <source>Points and neuron</source>
        <translation>점과 뉴런</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="134"/>
        <source>Learning: w ← w + η (y − ŷ) x,  b ← b + η (y − ŷ)</source>
        <translation>학습: w ← w + η (y − ŷ) x,  b ← b + η (y − ŷ)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="135"/>
        <source>When one line is not enough</source>
        <translation>직선 하나로 부족할 때</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="136"/>
        <source>Points:</source>
        <translation>점:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="137"/>
        <source>Learning rule:</source>
        <translation>학습 규칙:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="138"/>
        <source>Learning rate η:</source>
        <translation>학습률 η:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="139"/>
        <source>Click on the plane to add points: left button = class 1 (orange), right button = class 0 (blue).</source>
        <translation>평면을 클릭해 점을 찍어 보세요: 왼쪽 버튼 = 클래스 1 (주황), 오른쪽 버튼 = 클래스 0 (파랑).</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="141"/>
        <source>Step (one example)</source>
        <translation>한 단계 (예제 하나)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="142"/>
        <source>One epoch</source>
        <translation>한 에포크</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="143"/>
        <source>New random weights</source>
        <translation>새 무작위 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="144"/>
        <source>Clear points</source>
        <translation>점 지우기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="145"/>
        <source>Add a hidden layer →</source>
        <translation>은닉층 추가하기 →</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="146"/>
        <source>blue: class 0</source>
        <translation>파랑: 클래스 0</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="146"/>
        <source>orange: class 1</source>
        <translation>주황: 클래스 1</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="147"/>
        <source>shading: what the neuron outputs there</source>
        <translation>음영: 그 자리에서 뉴런이 내는 출력</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="227"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="227"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="257"/>
        <source>errors: &lt;b&gt;{errors}&lt;/b&gt; of {n} points&amp;nbsp;&amp;nbsp; epochs: {epochs}</source>
        <translation>틀린 점: 점 {n}개 중 &lt;b&gt;{errors}&lt;/b&gt;개&amp;nbsp;&amp;nbsp; 에포크: {epochs}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="262"/>
        <source>last example: x = ({x1}, {x2}), class y = {y}; the neuron said ŷ = {y_hat}, so y − ŷ = {error}</source>
        <translation>마지막 예제: x = ({x1}, {x2}), 클래스 y = {y}; 뉴런의 예측 ŷ = {y_hat}, 그래서 y − ŷ = {error}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="272"/>
        <source>1 point is still on the wrong side</source>
        <translation>점 1개가 아직 잘못된 쪽에 있고</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="273"/>
        <source>{n} points are still on the wrong side</source>
        <translation>점 {n}개가 아직 잘못된 쪽에 있고</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="275"/>
        <source>After {epochs} epochs {wrong}, and no straight line separates these points, whatever the weights. One neuron draws one line; a hidden layer lets a network combine several.</source>
        <translation>{epochs} 에포크가 지나도 {wrong}, 가중치를 어떻게 정해도 이 점들을 나누는 직선은 없습니다. 뉴런 하나는 직선 하나를 긋습니다. 은닉층이 있으면 신경망이 여러 직선을 조합할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="279"/>
        <source>Not separated yet: after {epochs} epochs {wrong}, but a straight line that separates these points exists. Give it more epochs (Run again) or a larger η.</source>
        <translation>아직 나누지 못했습니다: {epochs} 에포크 뒤에도 {wrong}, 하지만 이 점들을 나누는 직선은 있습니다. 에포크를 더 주거나(다시 실행) η를 키워 보세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="283"/>
        <source>XOR: class 1 when exactly one input is 1. Can one straight line put the two orange points on one side and the two blue ones on the other? Press Run and watch.</source>
        <translation>XOR: 입력 중 정확히 하나가 1일 때 클래스 1. 직선 하나로 주황 점 두 개와 파랑 점 두 개를 양쪽으로 나눌 수 있을까요? 실행을 누르고 지켜보세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="287"/>
        <source>No errors: the line separates the two classes.</source>
        <translation>틀린 점 없음: 직선이 두 클래스를 나눕니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="289"/>
        <source>The neuron says class 1 where w₁x₁ + w₂x₂ + b ≥ 0: on one side of the line.</source>
        <translation>뉴런은 w₁x₁ + w₂x₂ + b ≥ 0인 곳, 즉 직선의 한쪽을 클래스 1이라고 답합니다.</translation>
    </message>
</context>
<context>
    <name>PlaygroundControls</name>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="124"/>
        <source>circle</source>
        <extracomment>The dataset key of points handed over from the perceptron (``set_points``).</extracomment>
        <translation>원</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="124"/>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="124"/>
        <source>gaussian blobs</source>
        <translation>가우시안 군집</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="125"/>
        <source>two spirals</source>
        <translation>두 나선</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="129"/>
        <source>the perceptron&apos;s points</source>
        <translation>퍼셉트론의 점들</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="130"/>
        <source>sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="130"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="130"/>
        <source>ReLU</source>
        <translation>렐루(ReLU)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="131"/>
        <source>leaky ReLU</source>
        <translation>리키 렐루(leaky ReLU)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="134"/>
        <source>slow</source>
        <translation>느리게</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="134"/>
        <source>normal</source>
        <translation>보통</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="134"/>
        <source>fast</source>
        <translation>빠르게</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="137"/>
        <source>one epoch per screen update</source>
        <translation>화면 갱신마다 1 에포크</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="138"/>
        <source>up to {n} epochs per screen update</source>
        <translation>화면 갱신마다 최대 {n} 에포크</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="141"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="142"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="143"/>
        <source>Features (inputs)</source>
        <translation>특성 (입력)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="144"/>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="145"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="146"/>
        <source>Dataset:</source>
        <translation>데이터셋:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="146"/>
        <source>Noise %:</source>
        <translation>노이즈 %:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="146"/>
        <source>Test data %:</source>
        <translation>테스트 데이터 %:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="147"/>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="147"/>
        <source>Hidden layers:</source>
        <translation>은닉층 수:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="147"/>
        <source>Neurons:</source>
        <translation>뉴런 수:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="148"/>
        <source>Activation:</source>
        <translation>활성화 함수:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="148"/>
        <source>Learning rate:</source>
        <translation>학습률:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="149"/>
        <source>Batch size:</source>
        <translation>배치 크기:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="149"/>
        <source>L2 regularisation:</source>
        <translation>L2 정규화:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="149"/>
        <source>Speed:</source>
        <translation>속도:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="152"/>
        <source>New seed</source>
        <translation>새 시드</translation>
    </message>
</context>
<context>
    <name>PlaygroundView</name>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="134"/>
        <source>⟲ Reset</source>
        <translation>⟲ 초기화</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="135"/>
        <source>Step ▸|</source>
        <translation>한 단계 ▸|</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="136"/>
        <source>Show the test points (hollow)</source>
        <translation>테스트 점 보기 (속이 빈 점)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="137"/>
        <source>blue: class 0, negative weight</source>
        <translation>파랑: 클래스 0, 음수 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="138"/>
        <source>orange: class 1, positive weight</source>
        <translation>주황: 클래스 1, 양수 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="139"/>
        <source>shading: the network&apos;s output (its probability of class 1)</source>
        <translation>음영: 신경망의 출력 (클래스 1일 확률)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="141"/>
        <source>train loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="142"/>
        <source>test loss</source>
        <translation>테스트 손실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="143"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="218"/>
        <source>❚❚ Pause</source>
        <translation>❚❚ 일시 정지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="218"/>
        <source>▶ Run</source>
        <translation>▶ 실행</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="235"/>
        <source>Training stopped: {message}. Lower the learning rate and press Reset.</source>
        <translation>학습이 멈췄습니다: {message}. 학습률을 낮추고 초기화를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="277"/>
        <source>Epoch {epoch}</source>
        <translation>에포크 {epoch}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="279"/>
        <source>Loss {train:.3f} · accuracy {accuracy:.1f} % (every point is used for training)</source>
        <translation>손실 {train:.3f} · 정확도 {accuracy:.1f} % (모든 점을 학습에 사용)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="283"/>
        <source>Train loss {train:.3f} · test loss {test:.3f} · test accuracy {accuracy:.1f} %</source>
        <translation>학습 손실 {train:.3f} · 테스트 손실 {test:.3f} · 테스트 정확도 {accuracy:.1f} %</translation>
    </message>
</context>
</TS>
