<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>LabPage</name>
    <message>
        <location filename="../../annviz/gui/lab/page.py" line="52"/>
        <source>Neuron lab</source>
        <extracomment>The network the perceptron&apos;s points are handed to: one hidden layer of 4, and its learning rate.</extracomment>
        <translation>뉴런 실험실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/page.py" line="59"/>
        <source>① One neuron</source>
        <translation>① 뉴런 하나</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/page.py" line="60"/>
        <source>② A perceptron that learns</source>
        <translation>② 학습하는 퍼셉트론</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/page.py" line="61"/>
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
        <location filename="../../annviz/gui/lab/biology.py" line="81"/>
        <source>Dendrites</source>
        <translation>수상돌기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="81"/>
        <source>inputs × weights</source>
        <translation>입력 × 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="82"/>
        <source>Cell body</source>
        <translation>신경세포체</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="82"/>
        <source>adds up: z</source>
        <translation>모두 더함: z</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="83"/>
        <source>Axon</source>
        <translation>축삭</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="83"/>
        <source>output a = f(z)</source>
        <translation>출력 a = f(z)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="84"/>
        <source>Axon terminals</source>
        <translation>축삭말단</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="84"/>
        <source>to the next neurons</source>
        <translation>다음 뉴런으로</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/biology.py" line="222"/>
        <source>bias</source>
        <translation>편향</translation>
    </message>
</context>
<context>
    <name>NeuronView</name>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="144"/>
        <source>unit step u</source>
        <extracomment>How each activation is written in the formula a = f(z).</extracomment>
        <translation>단위 계단 함수 u</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="144"/>
        <source>sigmoid σ</source>
        <translation>시그모이드 σ</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="144"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="145"/>
        <source>ReLU</source>
        <translation>렐루(ReLU)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="145"/>
        <source>leaky ReLU</source>
        <translation>리키 렐루(leaky ReLU)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="148"/>
        <source>Free: x₁ … xₙ</source>
        <translation>자유롭게: x₁ … xₙ</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="149"/>
        <source>Is it tasty?</source>
        <translation>맛있을까?</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="150"/>
        <source>Inputs, weights and bias</source>
        <translation>입력, 가중치, 편향</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="151"/>
        <source>blue: an inhibiting input (w &lt; 0)</source>
        <translation>파랑: 억제하는 입력 (w &lt; 0)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="152"/>
        <source>orange: an exciting input (w &gt; 0)</source>
        <translation>주황: 흥분시키는 입력 (w &gt; 0)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="154"/>
        <source>green: the neuron fires (the brighter, the stronger)</source>
        <translation>초록: 뉴런이 발화함 (밝을수록 강하게)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="155"/>
        <source>Example:</source>
        <translation>예시:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="156"/>
        <source>Inputs:</source>
        <translation>입력 수:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="157"/>
        <source>Activation function:</source>
        <translation>활성화 함수:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="158"/>
        <source>input (signal strength) x</source>
        <translation>입력(신호 세기) x</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="159"/>
        <source>weight w</source>
        <translation>가중치 w</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="160"/>
        <source>bias b</source>
        <translation>편향 b</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="161"/>
        <source>threshold θ = −b</source>
        <translation>임계값 θ = −b</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="162"/>
        <source>Free inputs, or the lecture notes&apos; example: is it tasty? (four senses, b = −5)</source>
        <translation>자유 입력, 또는 강의 노트의 예: 맛있을까? (네 가지 감각, b = −5)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="163"/>
        <source>How many inputs x₁ … xₙ the neuron has</source>
        <translation>뉴런의 입력 x₁ … xₙ 개수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="164"/>
        <source>The activation function f in a = f(z): unit step u, sigmoid σ(z) = 1/(1 + e⁻ᶻ), tanh, ReLU max(0, z), leaky ReLU</source>
        <translation>a = f(z)의 활성화 함수 f: 단위 계단 함수 u, 시그모이드 σ(z) = 1/(1 + e⁻ᶻ), tanh, 렐루 max(0, z), leaky ReLU</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="167"/>
        <source>Input x{i}: the strength of the signal this dendrite receives</source>
        <translation>입력 x{i}: 이 수상돌기가 받는 신호의 세기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="168"/>
        <source>Weight w{i}: how much input x{i} counts; z = Σ wᵢxᵢ + b</source>
        <translation>가중치 w{i}: 입력 x{i}가 얼마나 중요한지. z = Σ wᵢxᵢ + b</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="169"/>
        <source>Bias b, added to the weighted sum: z = w·x + b; it slides the curve</source>
        <translation>편향 b, 가중합에 더해집니다: z = w·x + b. 곡선을 옆으로 옮깁니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="170"/>
        <source>Threshold θ = −b: the unit step fires (a = 1) when w·x ≥ θ</source>
        <translation>임계값 θ = −b: 단위 계단 함수는 w·x ≥ θ일 때 발화합니다 (a = 1)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="171"/>
        <source>weighted sum w·x (without the bias)</source>
        <translation>가중합 w·x (편향 제외)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="171"/>
        <source>output a</source>
        <translation>출력 a</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="172"/>
        <source>a = f(w·x + b)</source>
        <translation>a = f(w·x + b)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="172"/>
        <source>f′ (slope)</source>
        <translation>f′ (기울기)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="178"/>
        <source>&lt;p&gt;&lt;b&gt;Neuron&lt;/b&gt;: dendrites receive signals, the cell body sums them and the axon carries the result to the axon terminals, on to other neurons. In the unit, each input x is multiplied by its &lt;b&gt;weight&lt;/b&gt; w — how much it counts — and the &lt;b&gt;bias&lt;/b&gt; b is added: the &lt;b&gt;weighted input&lt;/b&gt; z = w₁x₁ + … + wₙxₙ + b = (w₁, …, wₙ, b)·(x₁, …, xₙ, 1), as if b were the weight of an input that is always 1.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Activation function&lt;/b&gt; a = f(z). The &lt;b&gt;unit step&lt;/b&gt; u fires (a = 1) when w·x ≥ θ, the &lt;b&gt;threshold&lt;/b&gt; θ = −b; the &lt;b&gt;sigmoid&lt;/b&gt; σ(z) = 1/(1 + e&lt;sup&gt;−z&lt;/sup&gt;) is a smooth step with outputs between 0 and 1, which can learn because it has a slope; &lt;b&gt;ReLU&lt;/b&gt; max(0, z) works better in deep networks.&lt;/p&gt;&lt;p&gt;The curve is drawn against w·x, so changing b slides it sideways. “Is it tasty?”: sight 0.3, hearing 1.0, smell 1.3, taste 2.1, and b = −5 for someone who dislikes mint chocolate.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;뉴런&lt;/b&gt;: 수상돌기가 신호를 받고, 신경세포체가 그것을 더하고, 축삭이 결과를 축삭말단으로, 다시 다른 뉴런으로 보냅니다. 인공 뉴런에서는 입력 x마다 그 &lt;b&gt;가중치&lt;/b&gt; w(얼마나 중요한지)를 곱하고 &lt;b&gt;편향&lt;/b&gt; b를 더합니다. 이것이 &lt;b&gt;가중 입력&lt;/b&gt; z = w₁x₁ + … + wₙxₙ + b = (w₁, …, wₙ, b)·(x₁, …, xₙ, 1)입니다. b는 늘 1인 입력의 가중치와 같습니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;활성화 함수&lt;/b&gt; a = f(z). &lt;b&gt;단위 계단 함수&lt;/b&gt; u는 w·x ≥ θ일 때 발화(a = 1)합니다. &lt;b&gt;임계값&lt;/b&gt; θ = −b입니다. &lt;b&gt;시그모이드&lt;/b&gt; σ(z) = 1/(1 + e&lt;sup&gt;−z&lt;/sup&gt;)는 출력이 0과 1 사이인 매끄러운 계단으로, 기울기가 있어서 학습할 수 있습니다. &lt;b&gt;렐루(ReLU)&lt;/b&gt; max(0, z)는 깊은 신경망에서 더 잘 작동합니다.&lt;/p&gt;&lt;p&gt;곡선은 w·x에 대해 그리므로 b를 바꾸면 곡선이 옆으로 미끄러집니다. “맛있을까?”: 시각 0.3, 청각 1.0, 후각 1.3, 미각 2.1, 그리고 민트초코를 싫어하는 사람의 b = −5.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="194"/>
        <source>sight</source>
        <translation>시각</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="194"/>
        <source>hearing</source>
        <translation>청각</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="194"/>
        <source>smell</source>
        <translation>후각</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="194"/>
        <source>taste</source>
        <translation>미각</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="275"/>
        <source>tasty</source>
        <translation>맛있다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="284"/>
        <source>z = w·x + b</source>
        <translation>z = w·x + b</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="301"/>
        <source>weighted input</source>
        <translation>가중 입력</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="301"/>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="312"/>
        <source>Threshold θ = −b = {theta}: w·x = {s} {cmp} θ, so the neuron {verdict}.</source>
        <translation>임계값 θ = −b = {theta}: w·x = {s} {cmp} θ이므로 뉴런이 {verdict}.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="314"/>
        <source>fires (a = 1)</source>
        <translation>발화합니다 (a = 1)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="314"/>
        <source>stays silent (a = 0)</source>
        <translation>발화하지 않습니다 (a = 0)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="316"/>
        <source>Tasty!</source>
        <translation>맛있다!</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="316"/>
        <source>Not tasty.</source>
        <translation>맛없다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/neuron_view.py" line="317"/>
        <source>The bias is the person: b = −5 is someone who dislikes mint chocolate, so the senses must add up to θ = 5 before it counts as tasty. Raise b for someone who loves it: the same senses then say “tasty” sooner.</source>
        <translation>편향은 사람의 취향입니다: b = −5는 민트 초코를 싫어하는 사람이라서, 감각을 모두 더해 θ = 5가 되어야 맛있다고 느낍니다. 민트 초코를 좋아하는 사람이라면 b를 올려 보세요. 같은 감각으로도 더 쉽게 “맛있다”가 됩니다.</translation>
    </message>
</context>
<context>
    <name>PerceptronView</name>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="133"/>
        <source>AND</source>
        <extracomment>Run stops after this many epochs if the errors never reach zero; a learner who has seen this many epochs gets the verdict on the points. The learner asks for a hidden layer, for these points (a ``PlanarDataset``).</extracomment>
        <translation>AND</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="133"/>
        <source>OR</source>
        <translation>OR</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="133"/>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="134"/>
        <source>two blobs</source>
        <translation>두 군집</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="134"/>
        <source>my points</source>
        <translation>내가 찍은 점</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="137"/>
        <source>perceptron rule (unit step)</source>
        <translation>퍼셉트론 학습 규칙 (단위 계단 함수)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="138"/>
        <source>gradient descent (sigmoid)</source>
        <translation>경사 하강법 (시그모이드)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="139"/>
        <source>Points and neuron</source>
        <translation>점과 뉴런</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="140"/>
        <source>Learning: w ← w + η (y − ŷ) x,  b ← b + η (y − ŷ)</source>
        <translation>학습: w ← w + η (y − ŷ) x,  b ← b + η (y − ŷ)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="141"/>
        <source>When one line is not enough</source>
        <translation>직선 하나로 부족할 때</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="142"/>
        <source>Points:</source>
        <translation>점:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="143"/>
        <source>Learning rule:</source>
        <translation>학습 규칙:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="144"/>
        <source>Learning rate η:</source>
        <translation>학습률 η:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="145"/>
        <source>Click on the plane to add points: left button = class 1 (orange), right button = class 0 (blue).</source>
        <translation>평면을 클릭해 점을 찍어 보세요: 왼쪽 버튼 = 클래스 1 (주황), 오른쪽 버튼 = 클래스 0 (파랑).</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="147"/>
        <source>Step (one example)</source>
        <translation>한 단계 (예제 하나)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="148"/>
        <source>One epoch</source>
        <translation>한 에포크</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="149"/>
        <source>New random weights</source>
        <translation>새 무작위 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="150"/>
        <source>Clear points</source>
        <translation>점 지우기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="151"/>
        <source>Add a hidden layer →</source>
        <translation>은닉층 추가하기 →</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="152"/>
        <source>The points to separate: AND, OR, XOR, two blobs, or your own clicks</source>
        <translation>나눌 점들: AND, OR, XOR, 두 군집, 또는 직접 찍은 점</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="153"/>
        <source>Perceptron rule with the unit step, or gradient descent with the sigmoid σ(z) = 1/(1 + e⁻ᶻ)</source>
        <translation>단위 계단 함수의 퍼셉트론 규칙, 또는 시그모이드 σ(z) = 1/(1 + e⁻ᶻ)의 경사 하강법</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="155"/>
        <source>Learning rate η: the size of each update w ← w + η (y − ŷ) x</source>
        <translation>학습률 η: 갱신 w ← w + η (y − ŷ) x 한 번의 크기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="156"/>
        <source>Learn from the next example: one update of w and b</source>
        <translation>다음 예에서 배웁니다: w와 b를 한 번 갱신</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="157"/>
        <source>Learn from every point once (one epoch)</source>
        <translation>모든 점에서 한 번씩 배웁니다 (한 에포크)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="158"/>
        <source>Keep learning, epoch after epoch, until no point is wrong or {n} epochs have passed</source>
        <translation>틀린 점이 없거나 {n} 에포크가 지날 때까지 에포크마다 계속 학습합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="160"/>
        <source>Start again from small random weights</source>
        <translation>작은 무작위 가중치에서 다시 시작합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="161"/>
        <source>Remove every point, to click your own</source>
        <translation>점을 모두 지우고 직접 찍습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="162"/>
        <source>Learn these same points in part ③, a network with a hidden layer of 4 neurons</source>
        <translation>같은 점들을 ③에서, 뉴런 4개짜리 은닉층이 있는 신경망으로 배웁니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="163"/>
        <source>blue: class 0</source>
        <translation>파랑: 클래스 0</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="163"/>
        <source>orange: class 1</source>
        <translation>주황: 클래스 1</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="164"/>
        <source>shading: what the neuron outputs there</source>
        <translation>음영: 그 자리에서 뉴런이 내는 출력</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="172"/>
        <source>&lt;p&gt;&lt;b&gt;Perceptron&lt;/b&gt;: one neuron with the unit step draws one straight line w₁x₁ + w₂x₂ + b = 0 and answers class 1 on one side of it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Learning&lt;/b&gt;, one example at a time: w ← w + η (y − ŷ) x and b ← b + η (y − ŷ), where y is the right class and ŷ the neuron&apos;s answer — nothing moves when it is right. η is the &lt;b&gt;learning rate&lt;/b&gt;; an &lt;b&gt;epoch&lt;/b&gt; is one pass over all the points. With the sigmoid the same rule is gradient descent on the loss.&lt;/p&gt;&lt;p&gt;AND and OR can be separated by a line, and the perceptron finds one. XOR cannot: no weights make one neuron compute it. A &lt;b&gt;hidden layer&lt;/b&gt; can (the next part).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;퍼셉트론&lt;/b&gt;: 단위 계단 함수를 쓰는 뉴런 하나는 직선 w₁x₁ + w₂x₂ + b = 0 하나를 긋고, 그 한쪽에서 클래스 1이라고 답합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;학습&lt;/b&gt;은 예를 하나씩 보며: w ← w + η (y − ŷ) x, b ← b + η (y − ŷ). y는 정답 클래스, ŷ는 뉴런의 답이므로 맞으면 아무것도 움직이지 않습니다. η는 &lt;b&gt;학습률&lt;/b&gt;이고, &lt;b&gt;에포크&lt;/b&gt;는 모든 점을 한 번 훑는 것입니다. 시그모이드를 쓰면 같은 규칙이 손실에 대한 경사 하강법이 됩니다.&lt;/p&gt;&lt;p&gt;AND와 OR은 직선으로 나눌 수 있고 퍼셉트론이 그 직선을 찾습니다. XOR은 나눌 수 없습니다: 어떤 가중치로도 뉴런 하나는 XOR을 계산하지 못합니다. &lt;b&gt;은닉층&lt;/b&gt;이 있으면 할 수 있습니다(다음 부분).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="270"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="270"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="300"/>
        <source>errors: &lt;b&gt;{errors}&lt;/b&gt; of {n} points&amp;nbsp;&amp;nbsp; epochs: {epochs}</source>
        <translation>틀린 점: 점 {n}개 중 &lt;b&gt;{errors}&lt;/b&gt;개&amp;nbsp;&amp;nbsp; 에포크: {epochs}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="305"/>
        <source>last example: x = ({x1}, {x2}), class y = {y}; the neuron said ŷ = {y_hat}, so y − ŷ = {error}</source>
        <translation>마지막 예제: x = ({x1}, {x2}), 클래스 y = {y}; 뉴런의 예측 ŷ = {y_hat}, 그래서 y − ŷ = {error}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="316"/>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="328"/>
        <source>1 point is still on the wrong side</source>
        <translation>점 1개가 아직 잘못된 쪽에 있고</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="317"/>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="329"/>
        <source>{n} points are still on the wrong side</source>
        <translation>점 {n}개가 아직 잘못된 쪽에 있고</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="319"/>
        <source>After {epochs} epochs {wrong}, and no straight line separates these points, whatever the weights. One neuron draws one line; a hidden layer lets a network combine several.</source>
        <translation>{epochs} 에포크가 지나도 {wrong}, 가중치를 어떻게 정해도 이 점들을 나누는 직선은 없습니다. 뉴런 하나는 직선 하나를 긋습니다. 은닉층이 있으면 신경망이 여러 직선을 조합할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="323"/>
        <source>Not separated yet: after {epochs} epochs {wrong}, but a straight line that separates these points exists. Give it more epochs (Run again) or a larger η.</source>
        <translation>아직 나누지 못했습니다: {epochs} 에포크 뒤에도 {wrong}, 하지만 이 점들을 나누는 직선은 있습니다. 에포크를 더 주거나(다시 실행) η를 키워 보세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="327"/>
        <source>Running: {wrong}. Each wrongly placed point moves the line a little.</source>
        <translation>실행 중: {wrong}. 잘못된 쪽에 있는 점마다 선을 조금씩 움직입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="331"/>
        <source>XOR: class 1 when exactly one input is 1. Can one straight line put the two orange points on one side and the two blue ones on the other? Press Run and watch.</source>
        <translation>XOR: 입력 중 정확히 하나가 1일 때 클래스 1. 직선 하나로 주황 점 두 개와 파랑 점 두 개를 양쪽으로 나눌 수 있을까요? 실행을 누르고 지켜보세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="335"/>
        <source>No errors: the line separates the two classes.</source>
        <translation>틀린 점 없음: 직선이 두 클래스를 나눕니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/perceptron_view.py" line="337"/>
        <source>The neuron says class 1 where w₁x₁ + w₂x₂ + b ≥ 0: on one side of the line.</source>
        <translation>뉴런은 w₁x₁ + w₂x₂ + b ≥ 0인 곳, 즉 직선의 한쪽을 클래스 1이라고 답합니다.</translation>
    </message>
</context>
<context>
    <name>PlaygroundControls</name>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="151"/>
        <source>circle</source>
        <extracomment>The dataset key of points handed over from the perceptron (``set_points``). Each feature&apos;s part of its check box&apos;s object name (a name cannot hold ^, * or brackets).</extracomment>
        <translation>원</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="151"/>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="151"/>
        <source>gaussian blobs</source>
        <translation>가우시안 군집</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="152"/>
        <source>two spirals</source>
        <translation>두 나선</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="156"/>
        <source>the perceptron&apos;s points</source>
        <translation>퍼셉트론의 점들</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="157"/>
        <source>sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="157"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="157"/>
        <source>ReLU</source>
        <translation>렐루(ReLU)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="158"/>
        <source>leaky ReLU</source>
        <translation>리키 렐루(leaky ReLU)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="161"/>
        <source>slow</source>
        <translation>느리게</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="161"/>
        <source>normal</source>
        <translation>보통</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="161"/>
        <source>fast</source>
        <translation>빠르게</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="164"/>
        <source>one epoch per screen update</source>
        <translation>화면 갱신마다 1 에포크</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="165"/>
        <source>up to {n} epochs per screen update</source>
        <translation>화면 갱신마다 최대 {n} 에포크</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="168"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="169"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="170"/>
        <source>Features (inputs)</source>
        <translation>특성 (입력)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="171"/>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="172"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="173"/>
        <source>Dataset:</source>
        <translation>데이터셋:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="173"/>
        <source>Noise %:</source>
        <translation>노이즈 %:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="173"/>
        <source>Test data %:</source>
        <translation>테스트 데이터 %:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="174"/>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="174"/>
        <source>Hidden layers:</source>
        <translation>은닉층 수:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="174"/>
        <source>Neurons:</source>
        <translation>뉴런 수:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="175"/>
        <source>Activation:</source>
        <translation>활성화 함수:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="175"/>
        <source>Learning rate:</source>
        <translation>학습률:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="176"/>
        <source>Batch size:</source>
        <translation>배치 크기:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="176"/>
        <source>L2 regularisation:</source>
        <translation>L2 정규화:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="176"/>
        <source>Speed:</source>
        <translation>속도:</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="179"/>
        <source>New seed</source>
        <translation>새 시드</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="181"/>
        <source>The points to separate: a circle, XOR, gaussian blobs or two spirals</source>
        <translation>나눌 점들: 원, XOR, 가우스 군집, 두 나선</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="182"/>
        <source>How much the points are scattered across the boundary</source>
        <translation>점들이 경계를 넘어 얼마나 흩어져 있는지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="183"/>
        <source>Share of the points kept for testing, never trained on</source>
        <translation>테스트용으로 떼어 두어 학습에 쓰지 않는 점의 비율</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="184"/>
        <source>The seed of the points, the split and the first weights: the same seed, the same run</source>
        <translation>점, 나누기, 초기 가중치의 시드: 시드가 같으면 학습도 같습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="186"/>
        <source>A new random seed: other points, other first weights</source>
        <translation>새 무작위 시드: 다른 점, 다른 초기 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="187"/>
        <source>Hidden layers between the features and the output neuron</source>
        <translation>특성과 출력 뉴런 사이의 은닉층 수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="188"/>
        <source>Activation of the hidden neurons, a = f(z): sigmoid σ(z) = 1/(1 + e⁻ᶻ), tanh, ReLU max(0, z), leaky ReLU</source>
        <translation>은닉 뉴런의 활성화 함수, a = f(z): 시그모이드 σ(z) = 1/(1 + e⁻ᶻ), tanh, 렐루 max(0, z), leaky ReLU</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="190"/>
        <source>Learning rate η: each step is w ← w − η ∂L/∂w</source>
        <translation>학습률 η: 한 걸음은 w ← w − η ∂L/∂w</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="191"/>
        <source>Points per mini-batch: one step per batch</source>
        <translation>미니 배치마다의 점 수: 배치마다 한 걸음</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="192"/>
        <source>L2 regularisation λ: each step also pulls w toward 0, w ← w − η λ w</source>
        <translation>L2 규제 λ: 걸음마다 w를 0 쪽으로도 당깁니다, w ← w − η λ w</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="193"/>
        <source>How many epochs run between two pictures</source>
        <translation>그림을 한 번 그릴 때마다 지나가는 에포크 수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="196"/>
        <source>Neurons in hidden layer {k}</source>
        <translation>은닉층 {k}의 뉴런 수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_controls.py" line="198"/>
        <source>Give the network {feature} as an input</source>
        <translation>신경망에 {feature}을(를) 입력으로 줍니다</translation>
    </message>
</context>
<context>
    <name>PlaygroundView</name>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="141"/>
        <source>⟲ Reset</source>
        <translation>⟲ 초기화</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="142"/>
        <source>Step ▸|</source>
        <translation>한 단계 ▸|</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="143"/>
        <source>Show the test points (hollow)</source>
        <translation>테스트 점 보기 (속이 빈 점)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="144"/>
        <source>New random weights, epoch 0</source>
        <translation>새 무작위 가중치, 에포크 0</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="145"/>
        <source>Train, epoch after epoch (again: pause)</source>
        <translation>에포크마다 계속 학습합니다 (다시 누르면 일시 정지)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="146"/>
        <source>Train one epoch and stop</source>
        <translation>한 에포크 학습하고 멈춥니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="147"/>
        <source>Draw the test points too; they are never trained on</source>
        <translation>테스트 점도 그립니다. 학습에는 쓰지 않습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="148"/>
        <source>blue: class 0, negative weight</source>
        <translation>파랑: 클래스 0, 음수 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="149"/>
        <source>orange: class 1, positive weight</source>
        <translation>주황: 클래스 1, 양수 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="150"/>
        <source>shading: the network&apos;s output (its probability of class 1)</source>
        <translation>음영: 신경망의 출력 (클래스 1일 확률)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="278"/>
        <source>train loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="280"/>
        <source>test loss</source>
        <translation>테스트 손실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="152"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="153"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="169"/>
        <source>&lt;p&gt;&lt;b&gt;Hidden layers&lt;/b&gt; combine the lines of their neurons into curved boundaries: XOR, a circle, two spirals. Each neuron&apos;s small picture shows its &lt;b&gt;activation&lt;/b&gt; over the plane; edges show the &lt;b&gt;weights&lt;/b&gt; (orange +, blue −).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Features&lt;/b&gt; are the inputs: x₁ and x₂, or values made from them such as x₁² — a good feature can replace a layer.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Training&lt;/b&gt; lowers the &lt;b&gt;loss&lt;/b&gt; (cross-entropy) by gradient descent, one mini-&lt;b&gt;batch&lt;/b&gt; of points at a time, with steps of size η (the &lt;b&gt;learning rate&lt;/b&gt;); &lt;b&gt;L2&lt;/b&gt; regularisation λ pulls the weights toward 0. The hollow &lt;b&gt;test&lt;/b&gt; points are never trained on: a test loss that rises while the train loss falls is &lt;b&gt;overfitting&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;은닉층&lt;/b&gt;은 뉴런들의 직선을 모아 휘어진 경계를 만듭니다: XOR, 원, 두 나선. 뉴런마다 작은 그림이 평면 위에서의 &lt;b&gt;활성화&lt;/b&gt;를 보여 주고, 선은 &lt;b&gt;가중치&lt;/b&gt;를 보여 줍니다(주황 +, 파랑 −).&lt;/p&gt;&lt;p&gt;&lt;b&gt;특성&lt;/b&gt;은 입력입니다: x₁과 x₂, 또는 x₁²처럼 그것으로 만든 값. 좋은 특성은 층 하나를 대신할 수 있습니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;학습&lt;/b&gt;은 경사 하강법으로 &lt;b&gt;손실&lt;/b&gt;(교차 엔트로피)을 줄입니다. 점을 미니 &lt;b&gt;배치&lt;/b&gt;씩, η(&lt;b&gt;학습률&lt;/b&gt;) 크기의 걸음으로. &lt;b&gt;L2&lt;/b&gt; 규제 λ는 가중치를 0 쪽으로 당깁니다. 속이 빈 &lt;b&gt;테스트&lt;/b&gt; 점은 학습에 쓰지 않습니다: 학습 손실은 줄어드는데 테스트 손실이 늘면 &lt;b&gt;과적합&lt;/b&gt;입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="242"/>
        <source>❚❚ Pause</source>
        <translation>❚❚ 일시 정지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="259"/>
        <source>Training stopped: {message}. Lower the learning rate and press Reset.</source>
        <translation>학습이 멈췄습니다: {message}. 학습률을 낮추고 초기화를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="138"/>
        <location filename="../../annviz/gui/lab/playground_view.py" line="289"/>
        <location filename="../../annviz/gui/lab/playground_view.py" line="324"/>
        <source>Epoch {epoch}</source>
        <translation>에포크 {epoch}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="242"/>
        <source>▶ Run</source>
        <translation>▶ 실행</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="318"/>
        <source>Loss {train:.3f} · accuracy {accuracy:.1f} % (every point is used for training)</source>
        <translation>손실 {train:.3f} · 정확도 {accuracy:.1f} % (모든 점을 학습에 사용)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/lab/playground_view.py" line="320"/>
        <source>Train loss {train:.3f} · test loss {test:.3f} · test accuracy {accuracy:.1f} %</source>
        <translation>학습 손실 {train:.3f} · 테스트 손실 {test:.3f} · 테스트 정확도 {accuracy:.1f} %</translation>
    </message>
</context>
</TS>
