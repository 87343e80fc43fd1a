<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AnswerStrips</name>
    <message>
        <location filename="../../annviz/gui/training/answer_strips.py" line="200"/>
        <source>When did it learn it? Each strip: the answer at every recorded moment (paler: less sure). Click a change to go there.</source>
        <extracomment>One colour per class (Tableau 10, which keeps apart from the sign colours&apos; blue and orange).</extracomment>
        <translation>언제 배웠을까요? 띠마다 기록된 모든 순간의 답을 보여 줍니다(옅을수록 덜 확신). 답이 바뀌는 곳을 클릭하면 그 순간으로 갑니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/answer_strips.py" line="202"/>
        <source>Pin the pad&apos;s digit</source>
        <translation>패드의 숫자 고정</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/answer_strips.py" line="203"/>
        <source>Keep the digit on the pad as a strip of its own (draw one, or show a random test digit)</source>
        <translation>패드의 숫자를 따로 띠 하나로 남겨 둡니다(숫자를 그리거나 무작위 테스트 숫자를 보여 주세요)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/answer_strips.py" line="205"/>
        <source>Unpin all</source>
        <translation>모두 고정 해제</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/answer_strips.py" line="206"/>
        <source>Remove the pinned digits&apos; strips (the pad&apos;s stays)</source>
        <translation>고정한 숫자들의 띠를 지웁니다(패드의 띠는 남습니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/answer_strips.py" line="207"/>
        <source>Click a strip to see the network at that moment; a click near a change of answer goes to the change</source>
        <translation>띠를 클릭하면 그 순간의 신경망을 봅니다. 답이 바뀌는 곳 가까이를 클릭하면 바뀐 순간으로 갑니다</translation>
    </message>
</context>
<context>
    <name>ArchitectureEditor</name>
    <message>
        <location filename="../../annviz/gui/training/architecture.py" line="146"/>
        <source>{sizes}: {total} parameters ({w} weights, {b} biases)</source>
        <translation>{sizes}: 매개변수 {total}개 (가중치 {w}개, 편향 {b}개)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/architecture.py" line="152"/>
        <source>Hidden layer {n}</source>
        <translation>은닉층 {n}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/architecture.py" line="153"/>
        <source> neurons</source>
        <translation>개 뉴런</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/architecture.py" line="154"/>
        <source>Remove this hidden layer</source>
        <translation>이 은닉층 지우기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/architecture.py" line="155"/>
        <source>Neurons in hidden layer {n}</source>
        <translation>은닉층 {n}의 뉴런 수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/architecture.py" line="156"/>
        <source>Activation of hidden layer {n}, a = f(z)</source>
        <translation>은닉층 {n}의 활성화 함수, a = f(z)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/architecture.py" line="160"/>
        <source>Activation function (all hidden layers)</source>
        <translation>활성화 함수 (모든 은닉층)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/architecture.py" line="162"/>
        <source>Add a hidden layer</source>
        <translation>은닉층 추가</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/architecture.py" line="163"/>
        <source>Another hidden layer after the last one</source>
        <translation>마지막 은닉층 뒤에 은닉층을 하나 더 넣습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/architecture.py" line="164"/>
        <source>The activation f of every hidden layer, a = f(z): sigmoid σ(z) = 1/(1 + e⁻ᶻ), tanh, ReLU max(0, z) …</source>
        <translation>모든 은닉층의 활성화 함수 f, a = f(z): 시그모이드 σ(z) = 1/(1 + e⁻ᶻ), tanh, 렐루 max(0, z) …</translation>
    </message>
</context>
<context>
    <name>DivergenceBox</name>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="91"/>
        <source>Training diverged</source>
        <translation>학습이 발산했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="92"/>
        <source>The loss blew up instead of falling: the learning rate is probably too high. Training has stopped.</source>
        <translation>손실이 줄지 않고 치솟았습니다: 학습률이 너무 높은 것 같습니다. 학습을 멈췄습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="94"/>
        <source>Lower the learning rate η and start again. The network can go back to its last good weights, from before the loss climbed.</source>
        <translation>학습률 η를 낮추고 다시 시작하세요. 신경망은 손실이 오르기 전의 마지막 좋은 가중치로 돌아갈 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="98"/>
        <source>Go back to the last good weights</source>
        <translation>마지막 좋은 가중치로 돌아가기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="99"/>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="30"/>
        <source>The training diverged</source>
        <extracomment>code → (title, explanation). Placeholders: ``batch`` and the diagnosis&apos;s evidence keys.</extracomment>
        <translation>학습이 발산했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="31"/>
        <source>At batch {batch} the loss or the weights became infinite or NaN (not a number): the steps grew so large that the numbers overflowed, and training cannot go on from there. Lower the learning rate η (now {lr:g}) and train again from a moment before it happened.</source>
        <translation>{batch}번째 배치에서 손실이나 가중치가 무한대 또는 NaN(숫자가 아님)이 되었습니다. 한 걸음이 너무 커서 숫자가 넘쳐 버렸고, 여기서부터는 학습을 이어갈 수 없습니다. 학습률 η(지금 {lr:g})를 낮추고, 이 일이 일어나기 전의 순간부터 다시 학습하세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="37"/>
        <source>The learning rate is too high</source>
        <translation>학습률이 너무 높습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="38"/>
        <source>From batch {batch} on, each step changes the weights by about {ratio:.1%} of their size; a healthy step changes them by a small fraction (about 0.1 % to a few %). The steps overshoot the bottom of the valley, so the loss jumps up and down or climbs: it started at {first_loss:.3g} and is now {loss:.3g}. Lower the learning rate η (now {lr:g}).</source>
        <translation>{batch}번째 배치부터 한 걸음마다 가중치가 그 크기의 약 {ratio:.1%}만큼 바뀝니다. 건강한 학습에서는 아주 작은 비율(약 0.1 %에서 몇 %)만 바뀝니다. 걸음이 골짜기의 바닥을 지나쳐 버려서 손실이 오르내리거나 올라갑니다. 처음에는 {first_loss:.3g}, 지금은 {loss:.3g}입니다. 학습률 η(지금 {lr:g})를 낮추세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="45"/>
        <source>The learning rate is too low</source>
        <translation>학습률이 너무 낮습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="46"/>
        <source>Since batch {batch}, each step changes the weights by only {ratio:.1e} of their size, where about 1e-3 (0.1 %) would be healthy. The steps are so small that the loss barely moves: {first_loss:.3g} at the start, {loss:.3g} now. Raise the learning rate η (now {lr:g}).</source>
        <translation>{batch}번째 배치부터 한 걸음마다 가중치가 그 크기의 {ratio:.1e}만큼밖에 바뀌지 않습니다. 약 1e-3(0.1 %)이 건강한 값입니다. 걸음이 너무 작아서 손실이 거의 움직이지 않습니다. 처음에는 {first_loss:.3g}, 지금은 {loss:.3g}입니다. 학습률 η(지금 {lr:g})를 높이세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="52"/>
        <source>Vanishing gradients</source>
        <translation>기울기 소실</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="53"/>
        <source>The first layers barely learn: the gradient of the first layer&apos;s weights is only {gradient_ratio:.1e} times the last layer&apos;s. Backpropagation multiplies the gradient by the slope of each sigmoid it passes, at most 0.25; through {layers} layers it shrinks to almost nothing. ReLU passes it on unchanged (slope 1) where the neuron is active.</source>
        <translation>앞쪽 층이 거의 학습하지 않습니다. 첫 번째 층 가중치의 기울기(그래디언트)가 마지막 층의 {gradient_ratio:.1e}배밖에 되지 않습니다. 역전파는 시그모이드를 하나 지날 때마다 기울기에 시그모이드 곡선의 기울기(미분값, 최대 0.25)를 곱하므로, {layers}개의 층을 지나면 거의 0이 됩니다. 렐루(ReLU)는 뉴런이 활성화된 곳에서 기울기를 그대로(기울기 1) 전달합니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="60"/>
        <source>Dead ReLU neurons</source>
        <translation>죽은 렐루(ReLU) 뉴런</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="61"/>
        <source>From batch {batch}, {share:.0%} of the ReLU neurons of hidden layer {layer} output 0 for every example of a fixed batch. A ReLU neuron whose weighted input is negative for every input has slope 0: no gradient reaches its weights, so it never comes back. Big steps (too high a learning rate) or a bad initialisation (a large negative bias) put neurons there.</source>
        <translation>{batch}번째 배치부터 은닉층 {layer}의 렐루(ReLU) 뉴런 중 {share:.0%}가 고정된 배치의 모든 예에서 0을 출력합니다. 가중 입력이 모든 입력에서 음수인 렐루 뉴런은 기울기가 0이어서 가중치에 기울기가 전혀 전달되지 않고, 다시 살아나지 못합니다. 너무 큰 걸음(너무 높은 학습률)이나 나쁜 초기화(큰 음수 편향)가 뉴런을 이렇게 만듭니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="68"/>
        <source>Saturated neurons</source>
        <translation>포화된 뉴런</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="69"/>
        <source>From batch {batch}, {share:.0%} of the neurons of hidden layer {layer} sit at a flat end of their activation function (sigmoid near 0 or 1, tanh near −1 or 1) for nearly every input. There the curve is flat and its slope almost 0, so backpropagation passes almost no gradient through them and they stop learning. Their weighted inputs are too large: big steps or large weights put them there.</source>
        <translation>{batch}번째 배치부터 은닉층 {layer}의 뉴런 중 {share:.0%}가 거의 모든 입력에서 활성화 함수의 평평한 끝(시그모이드는 0이나 1 근처, tanh는 −1이나 1 근처)에 머물러 있습니다. 그곳에서는 곡선이 평평해서 기울기가 거의 0이므로, 역전파가 이 뉴런들을 지나 기울기를 거의 전달하지 못하고 뉴런들은 학습을 멈춥니다. 가중 입력이 너무 큽니다. 큰 걸음이나 큰 가중치가 원인입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="76"/>
        <source>Overfitting</source>
        <translation>과적합</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="77"/>
        <source>After epoch {best_epoch} the validation accuracy stopped improving (best {best_val_accuracy:.1%}) while the training accuracy kept rising: now {train_accuracy:.1%} on the training examples against {val_accuracy:.1%} on the validation examples, which it never trains on. The network is memorising its training examples instead of learning what makes a digit. More training examples, L2 weight decay or fewer epochs help.</source>
        <translation>에포크 {best_epoch} 이후 검증 정확도는 더 좋아지지 않는데(최고 {best_val_accuracy:.1%}) 학습 정확도는 계속 오릅니다. 지금 학습 데이터에서는 {train_accuracy:.1%}, 학습에 쓰지 않는 검증 데이터에서는 {val_accuracy:.1%}입니다. 신경망이 숫자의 특징을 배우는 대신 학습 데이터를 외우고 있습니다. 학습 데이터를 늘리거나, L2 가중치 감쇠를 쓰거나, 에포크 수를 줄이면 도움이 됩니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="85"/>
        <source>No progress</source>
        <translation>학습이 진행되지 않음</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="86"/>
        <source>From batch {batch} the accuracy on a fixed batch of training examples stays near chance: {accuracy:.0%}, where guessing would get {chance:.0%}. The network has not learned anything useful. There is usually a cause behind it: read the other diagnoses, or try the fix.</source>
        <translation>{batch}번째 배치부터 고정된 학습 데이터 배치에서의 정확도가 찍어서 맞히는 수준에 머물러 있습니다. 지금 {accuracy:.0%}이고, 무작위로 고르면 {chance:.0%}입니다. 신경망이 쓸모 있는 것을 배우지 못했습니다. 보통 그 뒤에 원인이 있습니다. 다른 진단을 읽거나 제안된 해결책을 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="100"/>
        <source>From batch {batch} on, the loss climbs instead of falling: it started at {first_loss:.3g} and is now {loss:.3g}. Each step is so large that it overshoots the bottom of the valley and lands higher up on the other side. Big steps also push the weighted inputs to the flat ends of the activation function, where the weights hardly change any more, so the loss stays high. Lower the learning rate η (now {lr:g}).</source>
        <translation>{batch}번째 배치부터 손실이 줄어들지 않고 올라갑니다. 처음에는 {first_loss:.3g}, 지금은 {loss:.3g}입니다. 한 걸음이 너무 커서 골짜기의 바닥을 지나쳐 반대편의 더 높은 곳에 떨어집니다. 큰 걸음은 가중 입력을 활성화 함수의 평평한 끝으로 밀어내기도 해서, 그곳에서는 가중치가 거의 바뀌지 않고 손실이 높은 채로 머뭅니다. 학습률 η(지금 {lr:g})를 낮추세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="112"/>
        <source>learning rate η = {value:g}</source>
        <extracomment>A fix, setting by setting: (setting, value or None for any value) → text.</extracomment>
        <translation>학습률 η = {value:g}</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="113"/>
        <source>ReLU in the hidden layers</source>
        <translation>은닉층에 렐루(ReLU)</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="114"/>
        <source>leaky ReLU in the hidden layers</source>
        <translation>은닉층에 리키 렐루(leaky ReLU)</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="116"/>
        <source>He initialisation, afresh</source>
        <translation>He 초기화로 새로 시작</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="117"/>
        <source>the Adam optimizer</source>
        <translation>Adam 옵티마이저</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="118"/>
        <source>hidden layers: {value}</source>
        <translation>은닉층: {value}</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="119"/>
        <source>all the training examples</source>
        <translation>학습 데이터 전부</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="120"/>
        <source>L2 weight decay λ = {value:g}</source>
        <translation>L2 가중치 감쇠 λ = {value:g}</translation>
    </message>
    <message>
        <location filename="../../annviz/nn/doctor/texts.py" line="121"/>
        <source>stop after epoch {value}</source>
        <translation>에포크 {value}에서 멈추기</translation>
    </message>
</context>
<context>
    <name>DoctorPanel</name>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="161"/>
        <source>Show this moment on the timeline and in every view</source>
        <translation>이 순간을 타임라인과 모든 화면에서 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="162"/>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="167"/>
        <source>Hide this diagnosis for this run</source>
        <translation>이 학습에서 이 진단을 숨깁니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="168"/>
        <source>What the doctor found in this run</source>
        <translation>학습 진단이 이 학습에서 찾은 것</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="171"/>
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="196"/>
        <source>{title} · from batch {batch:,}</source>
        <translation>{title} · {batch:,}번째 배치부터</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="208"/>
        <source>Show batch {batch:,}</source>
        <translation>{batch:,}번째 배치 보기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="163"/>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="213"/>
        <source>Replay with the fix</source>
        <translation>고쳐서 다시 학습</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="165"/>
        <source>Train again with this fix — from the last moment before the fault began, or from batch 0 — and show both runs side by side</source>
        <translation>이렇게 고쳐서 다시 학습합니다 — 문제가 시작되기 전 마지막 순간부터, 또는 배치 0부터 — 그리고 두 학습을 나란히 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="170"/>
        <source>Train again with this fix; then compare both runs side by side</source>
        <translation>이 해결책으로 다시 학습합니다. 그다음 두 학습을 나란히 비교합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="213"/>
        <source>Replay with this one</source>
        <translation>이것으로 다시 학습</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="214"/>
        <source>or: {fix}</source>
        <translation>또는: {fix}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="216"/>
        <source>Train a new network with this change, from batch 0 with the same seed; then compare both runs side by side</source>
        <translation>이렇게 바꾸어 같은 시드로 0번째 배치부터 새 신경망을 학습합니다. 그다음 두 학습을 나란히 비교합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="219"/>
        <source>Go on from the last moment recorded before batch {batch:,}, where it began, with this change; then compare both runs side by side</source>
        <translation>문제가 시작된 {batch:,}번째 배치 전에 기록된 마지막 순간부터 이렇게 바꾸어 이어서 학습합니다. 그다음 두 학습을 나란히 비교합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="260"/>
        <source>share of layer {n}&apos;s neurons</source>
        <translation>층 {n} 뉴런의 비율</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="262"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="263"/>
        <source>step ÷ weights</source>
        <translation>걸음 ÷ 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="264"/>
        <source>gradient: first ÷ last layer</source>
        <translation>기울기: 첫 층 ÷ 마지막 층</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="265"/>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/doctor_panel.py" line="266"/>
        <source>training − validation</source>
        <translation>학습 − 검증</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="29"/>
        <source>{s} s</source>
        <translation>{s}초</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="31"/>
        <source>{m} min {s:02d} s</source>
        <translation>{m}분 {s:02d}초</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="33"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h}시간 {m:02d}분</translation>
    </message>
</context>
<context>
    <name>GifExport</name>
    <message>
        <location filename="../../annviz/gui/training/gif_export.py" line="117"/>
        <source>Batch {step:,} · epoch {epoch:.2f} · colours ±{level:.2g}</source>
        <translation>배치 {step:,} · 에포크 {epoch:.2f} · 색 범위 ±{level:.2g}</translation>
    </message>
</context>
<context>
    <name>LiveCurves</name>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="312"/>
        <source>epoch {x:.2f}</source>
        <translation>에포크 {x:.2f}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="326"/>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="327"/>
        <source>Accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="323"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="310"/>
        <source>batch {n:,}</source>
        <translation>배치 {n:,}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="323"/>
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="330"/>
        <source>batch loss</source>
        <translation>배치 손실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="331"/>
        <source>smoothed</source>
        <translation>평활화</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="332"/>
        <source>training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="333"/>
        <source>validation loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="334"/>
        <source>training accuracy</source>
        <translation>학습 정확도</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="335"/>
        <source>validation accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="336"/>
        <source>test accuracy</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="345"/>
        <source>Hover over the curves to read their values.</source>
        <translation>곡선 위에 마우스를 올리면 값이 보입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="347"/>
        <source>Export PNG…</source>
        <translation>PNG로 내보내기…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="348"/>
        <source>Export CSV…</source>
        <translation>CSV로 내보내기…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="349"/>
        <source>Save the curves as a picture</source>
        <translation>곡선을 그림으로 저장합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="350"/>
        <source>Save every epoch&apos;s loss and accuracy as a table</source>
        <translation>에포크마다의 손실과 정확도를 표로 저장합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="357"/>
        <source>&lt;b&gt;{target:g} %&lt;/b&gt; in &lt;b&gt;{s:.1f} s&lt;/b&gt; (epoch {n})</source>
        <translation>&lt;b&gt;{s:.1f}초&lt;/b&gt; 만에 &lt;b&gt;{target:g} %&lt;/b&gt; (에포크 {n})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/curves.py" line="360"/>
        <source>Time to {target:g} % test accuracy: the seconds of training (forward, backward, update) until the first epoch whose test accuracy reached it, checked at each epoch&apos;s end; evaluation and pauses are not counted</source>
        <translation>테스트 정확도 {target:g} %까지 걸린 시간: 테스트 정확도가 처음 그 값에 이른 에포크까지의 학습 시간(순전파, 역전파, 갱신)입니다. 정확도는 에포크가 끝날 때마다 확인하며, 평가와 일시 정지 시간은 세지 않습니다</translation>
    </message>
</context>
<context>
    <name>LossLandscapeView</name>
    <message>
        <location filename="../../annviz/gui/training/landscape_view.py" line="102"/>
        <source>The loss on the plane the weights moved through (darker: lower loss), on 1,000 training images, with the path the run took; the dot is the moment the timeline shows.</source>
        <translation>가중치가 지나간 평면 위의 손실입니다(어두울수록 손실이 낮음). 학습 이미지 1,000개로 계산했고, 선은 학습이 지나간 길, 점은 타임라인이 보여 주는 순간입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/landscape_view.py" line="105"/>
        <source>Draw again</source>
        <translation>다시 그리기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/landscape_view.py" line="106"/>
        <source>Compute the landscape again for the moments recorded so far</source>
        <translation>지금까지 기록된 순간들로 손실 지형을 다시 계산합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/landscape_view.py" line="107"/>
        <source>direction 1</source>
        <translation>방향 1</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/landscape_view.py" line="108"/>
        <source>direction 2</source>
        <translation>방향 2</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/landscape_view.py" line="109"/>
        <source>Each point of the plane is a network: the last moment&apos;s weights moved along the two directions the run moved most</source>
        <translation>평면의 각 점은 하나의 신경망입니다. 마지막 순간의 가중치를 학습이 가장 많이 움직인 두 방향으로 옮긴 것입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/landscape_view.py" line="184"/>
        <source>The landscape could not be computed: {why}</source>
        <translation>손실 지형을 계산할 수 없습니다: {why}</translation>
    </message>
</context>
<context>
    <name>ResultBar</name>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="54"/>
        <source>Training stopped before the first epoch ended.</source>
        <translation>첫 에포크가 끝나기 전에 학습을 멈췄습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="57"/>
        <source>{n} epochs trained.</source>
        <translation>{n} 에포크 학습했습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="57"/>
        <source>1 epoch trained.</source>
        <translation>1 에포크 학습했습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="60"/>
        <source>1 epoch trained: {acc:.1f} % of the test images right.</source>
        <translation>1 에포크 학습: 테스트 이미지의 {acc:.1f} %를 맞혔습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="61"/>
        <source>{n} epochs trained: {acc:.1f} % of the test images right.</source>
        <translation>{n} 에포크 학습: 테스트 이미지의 {acc:.1f} %를 맞혔습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="65"/>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="66"/>
        <source>Use on the pad</source>
        <translation>패드에서 사용</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="67"/>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="68"/>
        <source>Save the network and its training history as a model file</source>
        <translation>신경망과 학습 기록을 모델 파일로 저장합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="69"/>
        <source>Keep this network as the one every view and the pad use</source>
        <translation>모든 화면과 패드가 이 신경망을 사용합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/outcome.py" line="70"/>
        <source>Forget it; the model from before training comes back</source>
        <translation>버리고 학습 전의 모델로 돌아갑니다</translation>
    </message>
</context>
<context>
    <name>RunComparison</name>
    <message>
        <location filename="../../annviz/gui/training/compare.py" line="164"/>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/compare.py" line="165"/>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/compare.py" line="145"/>
        <source>Two runs at the same moment (the one the timeline shows): what the first hidden layer looks for, and what each says about your drawing</source>
        <translation>같은 순간(타임라인이 보여 주는 순간)의 두 학습: 첫 번째 은닉층이 찾는 모양과, 각 신경망이 여러분의 그림을 무엇으로 읽는지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/compare.py" line="147"/>
        <source>(weights: orange +, blue −; bars: the probability of each class)</source>
        <translation>(가중치: 주황 +, 파랑 −. 막대: 클래스마다의 확률)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/compare.py" line="150"/>
        <source>first</source>
        <translation>첫 번째</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/compare.py" line="150"/>
        <source>second</source>
        <translation>두 번째</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/compare.py" line="151"/>
        <source>The {which} run to compare</source>
        <translation>비교할 {which} 학습</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/compare.py" line="191"/>
        <source>Run {n}</source>
        <translation>학습 {n}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/compare.py" line="202"/>
        <source>Run {n}, batch {step:,} (epoch {epoch:.2f})</source>
        <translation>학습 {n}, 배치 {step:,} (에포크 {epoch:.2f})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/compare.py" line="213"/>
        <source>: reads {answer} ({p:.0%})</source>
        <translation>: {answer}(으)로 읽음 ({p:.0%})</translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <location filename="../../annviz/gui/training/speed.py" line="58"/>
        <source>Speed</source>
        <extracomment>Batches a second at each position of the slider; None is full speed.</extracomment>
        <translation>속도</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/speed.py" line="59"/>
        <source>Slow motion: from one batch a second (every batch shows) to full speed; changes at once, also while it trains</source>
        <translation>슬로 모션: 1초에 배치 하나(배치마다 화면이 바뀝니다)부터 최고 속도까지. 학습 중에도 바로 바뀝니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/speed.py" line="61"/>
        <source>Pause at the end of each epoch</source>
        <translation>에포크가 끝날 때마다 일시 정지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/speed.py" line="62"/>
        <source>Stop after every pass over the training images, to look before going on</source>
        <translation>학습 이미지를 한 번 훑을 때마다 멈추고, 살펴본 뒤에 이어 갑니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/speed.py" line="75"/>
        <source>full speed</source>
        <translation>최고 속도</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/speed.py" line="78"/>
        <source>1 batch/s</source>
        <translation>초당 배치 1개</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/speed.py" line="78"/>
        <source>{n} batches/s</source>
        <translation>초당 배치 {n}개</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="195"/>
        <source>Back to the network as it is now</source>
        <translation>지금의 신경망으로 돌아가기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="196"/>
        <source>The run whose recording the timeline shows</source>
        <translation>타임라인이 기록을 보여 줄 학습</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="197"/>
        <source>How fast Play goes through the moments</source>
        <translation>재생할 때 순간들을 지나가는 빠르기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="198"/>
        <source>One moment back (←)</source>
        <translation>한 순간 뒤로 (←)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="199"/>
        <source>One moment on (→)</source>
        <translation>한 순간 앞으로 (→)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="200"/>
        <source>Drag through the moments recorded while the network learned: every view shows the network as it was then</source>
        <translation>신경망이 학습하는 동안 기록된 순간들을 끌어 보세요. 모든 화면이 그때의 신경망을 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="203"/>
        <source>{n} moments/s</source>
        <translation>초당 {n}순간</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="204"/>
        <source>Continue from here</source>
        <translation>여기서부터 이어서 학습</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="209"/>
        <source>GIF…</source>
        <translation>GIF…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="210"/>
        <source>Save the weight pictures over the whole run as an animated GIF</source>
        <translation>학습 전체에 걸친 가중치 그림을 움직이는 GIF로 저장</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="212"/>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="213"/>
        <source>Save the weight pictures of the moment shown as PNG</source>
        <translation>보이는 순간의 가중치 그림을 PNG로 저장</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="263"/>
        <source>Pause the playback</source>
        <translation>재생 일시 정지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="264"/>
        <source>Play the moments back</source>
        <translation>기록된 순간 재생</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="298"/>
        <source>Run {n}</source>
        <translation>학습 {n}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="194"/>
        <location filename="../../annviz/gui/training/timeline.py" line="328"/>
        <source>Now</source>
        <translation>지금</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="205"/>
        <source>Start a new run from exactly this moment (the end of an epoch, or one of a few moments early in the first), with the settings on the left; this run is kept to compare</source>
        <translation>바로 이 순간(에포크의 끝, 또는 첫 에포크 초반의 몇 순간)에서 왼쪽 설정으로 새 학습을 시작합니다. 지금의 학습은 비교할 수 있게 남겨 둡니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="324"/>
        <source>η, μ or λ was changed while this run trained: the same settings and seed will not give this run again (continuing from one of its epoch ends is still exact)</source>
        <translation>이 학습 도중에 η, μ 또는 λ를 바꾸었습니다: 같은 설정과 시드로도 이 학습을 다시 얻을 수 없습니다 (에포크 끝에서 이어서 학습하는 것은 여전히 정확합니다)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="326"/>
        <source>settings changed during the run</source>
        <translation>학습 도중 설정을 바꿈</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/timeline.py" line="331"/>
        <source>Batch {step:,} · epoch {epoch:.2f} · loss {loss} · η {lr:g}</source>
        <translation>배치 {step:,} · 에포크 {epoch:.2f} · 손실 {loss} · η {lr:g}</translation>
    </message>
</context>
<context>
    <name>TrainingArea</name>
    <message>
        <location filename="../../annviz/gui/training/__init__.py" line="60"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/__init__.py" line="61"/>
        <source>Open training &amp;recording…</source>
        <translation>학습 기록 열기(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/__init__.py" line="63"/>
        <source>Save training recor&amp;ding…</source>
        <translation>학습 기록 저장(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area_doctor.py" line="59"/>
        <location filename="../../annviz/gui/training/area_doctor.py" line="78"/>
        <source>Cannot replay with this fix</source>
        <translation>이 방법으로 고쳐서 다시 학습할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="246"/>
        <source>Nothing to save</source>
        <translation>저장할 것이 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="246"/>
        <source>Train a network first: its recording is what the timeline shows.</source>
        <translation>먼저 신경망을 학습시키세요. 타임라인이 보여 주는 것이 그 학습의 기록입니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="249"/>
        <source>Save the training recording</source>
        <translation>학습 기록 저장</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="255"/>
        <source>Could not save</source>
        <translation>저장하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="261"/>
        <source>Open a training recording</source>
        <translation>학습 기록 열기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="268"/>
        <source>Could not open the recording</source>
        <translation>학습 기록을 열지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="275"/>
        <source>annviz training recordings (*{ext})</source>
        <translation>annviz 학습 기록 (*{ext})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="293"/>
        <source>Save the weight pictures as GIF</source>
        <translation>가중치 그림을 GIF로 저장</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="300"/>
        <source>Writing {path}…</source>
        <translation>{path} 쓰는 중…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="311"/>
        <source>GIF</source>
        <translation>GIF</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="312"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="334"/>
        <source>Save the weight pictures as PNG</source>
        <translation>가중치 그림을 PNG로 저장</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="354"/>
        <source>Cannot continue from here</source>
        <translation>여기서부터 이어서 학습할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="359"/>
        <source>The continued run will be close to what the original run would have done, but not bit for bit the same. Continue anyway?</source>
        <translation>이어서 하는 학습은 원래 학습이 했을 결과와 가깝겠지만, 비트 하나까지 같지는 않습니다. 그래도 이어서 할까요?</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="361"/>
        <source>Not an exact continuation</source>
        <translation>정확히 이어지지 않습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="385"/>
        <source>Export the curves</source>
        <translation>곡선 내보내기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="388"/>
        <source>Could not write {path}</source>
        <translation>{path}에 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="392"/>
        <source>Export the history</source>
        <translation>학습 기록 내보내기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="400"/>
        <source>Could not write {path}: {error}</source>
        <translation>{path}에 쓸 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="413"/>
        <source>Run {n}</source>
        <translation>학습 {n}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/area.py" line="327"/>
        <location filename="../../annviz/gui/training/area.py" line="340"/>
        <location filename="../../annviz/gui/training/area.py" line="388"/>
        <location filename="../../annviz/gui/training/area.py" line="399"/>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
</context>
<context>
    <name>TrainingChoices</name>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="16"/>
        <source>sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="17"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="18"/>
        <source>ReLU</source>
        <translation>렐루(ReLU)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="19"/>
        <source>leaky ReLU</source>
        <translation>리키 렐루(leaky ReLU)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="23"/>
        <source>cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="24"/>
        <source>mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="28"/>
        <source>SGD</source>
        <translation>SGD (확률적 경사 하강법)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="29"/>
        <source>SGD with momentum</source>
        <translation>모멘텀 SGD</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="30"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="34"/>
        <source>constant</source>
        <translation>일정</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="35"/>
        <source>cosine, down to 0</source>
        <translation>코사인, 0까지 감소</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="36"/>
        <source>one cycle, up and down</source>
        <translation>원 사이클, 올랐다 내려감</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="40"/>
        <source>automatic (He / Xavier)</source>
        <translation>자동 (He / Xavier)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="41"/>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/choices.py" line="42"/>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <location filename="../../annviz/gui/training/controller.py" line="159"/>
        <source>It was recorded with the BLAS library {then}; this computer has {now}.</source>
        <extracomment>How long closing or a new run waits for the training thread to finish its batch: as long as the other threads (a second was too short for a batch on a busy machine: the thread was left behind). What a run continued from a moment may change; the rest (architecture, data, optimizer, seed, schedule, augmentation) is the moment&apos;s own run&apos;s. The batch size may change too: at an epoch&apos;s end no batch is half-done, and the optimizers&apos; running arrays do not depend on it.</extracomment>
        <translation>이 기록은 BLAS 라이브러리 {then}로 만들었는데, 이 컴퓨터에는 {now}가 있습니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controller.py" line="163"/>
        <source>It was recorded with {then} BLAS threads; here only {now} can be used.</source>
        <translation>이 기록은 BLAS 스레드 {then}개로 만들었는데, 여기서는 {now}개만 쓸 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>TrainingControls</name>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="98"/>
        <source>Start over</source>
        <translation>처음부터 다시</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="98"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="99"/>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="99"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="108"/>
        <source>Not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="118"/>
        <source> · {time} left</source>
        <translation> · {time} 남음</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="113"/>
        <source> · paused</source>
        <translation> · 일시 정지됨</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="108"/>
        <source>Training failed</source>
        <translation>학습 실패</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="110"/>
        <source>Epoch {e} of {n} · batch {b} of {nb}</source>
        <translation>에포크 {e}/{n} · 배치 {b}/{nb}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="115"/>
        <source> · {speed} samples/s</source>
        <translation> · 초당 {speed}개 예제</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="122"/>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="123"/>
        <source>Step (one batch)</source>
        <translation>한 단계 (배치 하나)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="124"/>
        <source>+1 epoch</source>
        <translation>+1 에포크</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="125"/>
        <source>Train a new network with these settings ({key})</source>
        <translation>이 설정으로 새 신경망을 학습합니다 ({key})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="127"/>
        <source>Pause or resume training ({key})</source>
        <translation>학습을 일시 정지하거나 다시 시작합니다 ({key})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="128"/>
        <source>Stop training ({key})</source>
        <translation>학습을 멈춥니다 ({key})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="129"/>
        <source>Train exactly one mini-batch, then pause ({key})</source>
        <translation>미니배치 하나만 학습하고 일시 정지합니다 ({key})</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/controls.py" line="131"/>
        <source>Train one epoch more than planned</source>
        <translation>계획보다 에포크 하나를 더 학습합니다</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="101"/>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="103"/>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="135"/>
        <source>&lt;p&gt;&lt;b&gt;Training&lt;/b&gt;: finding the weights and biases by lowering the &lt;b&gt;loss&lt;/b&gt; on examples. For each mini-&lt;b&gt;batch&lt;/b&gt;: the forward pass, the loss, &lt;b&gt;backpropagation&lt;/b&gt;, and a step of size η (the &lt;b&gt;learning rate&lt;/b&gt;) against the &lt;b&gt;gradient&lt;/b&gt;. An &lt;b&gt;epoch&lt;/b&gt; is one pass over the training images.&lt;/p&gt;&lt;p&gt;Too high a learning rate makes the loss jump or grow; too low makes it crawl. Momentum μ and Adam remember past steps; L2 λ keeps weights small. A validation share, held out, shows &lt;b&gt;overfitting&lt;/b&gt;: training accuracy still rising while validation accuracy stops.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;학습&lt;/b&gt;: 예를 보며 &lt;b&gt;손실&lt;/b&gt;을 줄여 가중치와 편향을 찾는 일입니다. 미니 &lt;b&gt;배치&lt;/b&gt;마다 순전파, 손실, &lt;b&gt;역전파&lt;/b&gt;, 그리고 &lt;b&gt;기울기&lt;/b&gt;의 반대 방향으로 η(&lt;b&gt;학습률&lt;/b&gt;) 크기의 한 걸음. &lt;b&gt;에포크&lt;/b&gt;는 학습 이미지를 한 번 모두 훑는 것입니다.&lt;/p&gt;&lt;p&gt;학습률이 너무 크면 손실이 튀거나 커지고, 너무 작으면 기어갑니다. 모멘텀 μ와 Adam은 지난 걸음을 기억하고, L2 λ는 가중치를 작게 유지합니다. 따로 떼어 둔 검증 비율은 &lt;b&gt;과적합&lt;/b&gt;을 보여 줍니다: 학습 정확도는 계속 오르는데 검증 정확도는 멈춥니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="145"/>
        <source>&lt;p&gt;&lt;b&gt;Learning curves&lt;/b&gt;: the loss of every batch (smoothed) and the accuracy after every epoch; the timeline below replays the run.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;학습 곡선&lt;/b&gt;: 배치마다의 손실(부드럽게 한 것)과 에포크마다의 정확도. 아래 타임라인으로 학습 과정을 다시 볼 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="148"/>
        <source>&lt;p&gt;&lt;b&gt;Weight histograms&lt;/b&gt;: how each layer&apos;s weights are spread, now (filled) and at the start of the run (outline): learning moves them apart from the small random numbers they began as.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;가중치 히스토그램&lt;/b&gt;: 층마다 가중치가 어떻게 퍼져 있는지를 지금(채운 막대)과 학습을 시작할 때(윤곽선)로 보여 줍니다. 학습하면서 가중치는 처음의 작은 무작위 값에서 멀어집니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="152"/>
        <source>&lt;p&gt;&lt;b&gt;The training doctor&lt;/b&gt; watches the numbers of the run — the loss, each layer&apos;s &lt;b&gt;gradient&lt;/b&gt; and step size, how many neurons are dead or saturated — and names what goes wrong, from the batch where it began. &lt;b&gt;Replay with the fix&lt;/b&gt; trains the run again with the fix, beside the first one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;학습 진단&lt;/b&gt;은 학습의 수치 — 손실, 층마다의 &lt;b&gt;기울기(그래디언트)&lt;/b&gt;와 걸음의 크기, 죽었거나 포화된 뉴런의 수 — 를 지켜보다가 무엇이 잘못되었는지를 그 일이 시작된 배치와 함께 알려 줍니다. &lt;b&gt;고쳐서 다시 학습&lt;/b&gt;은 고친 설정으로 학습을 다시 해서 처음 학습과 나란히 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="158"/>
        <source>&lt;p&gt;&lt;b&gt;Answers over time&lt;/b&gt;: one strip per digit — the pad&apos;s, the ones you pinned, your own — coloured by the network&apos;s &lt;b&gt;prediction&lt;/b&gt; at every recorded moment, paler where it was less sure. Click where the answer changes to see the network at that moment.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;시간에 따른 답&lt;/b&gt;: 숫자마다 띠 하나 — 패드의 숫자, 고정한 숫자, 내 숫자 — 가 기록된 모든 순간의 신경망 &lt;b&gt;예측&lt;/b&gt;으로 칠해지고, 덜 확신한 곳은 옅게 칠해집니다. 답이 바뀌는 곳을 클릭하면 그 순간의 신경망을 볼 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="163"/>
        <source>&lt;p&gt;&lt;b&gt;The loss landscape&lt;/b&gt;: every point of the picture is a network — the last weights moved along the two directions the run moved most. Its shade is the &lt;b&gt;loss&lt;/b&gt; of that network on 1,000 training images; the line is the path the weights took, the dot the moment the timeline shows. Too high a &lt;b&gt;learning rate&lt;/b&gt; jumps across the valley; too low crawls.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;손실 지형&lt;/b&gt;: 그림의 모든 점은 하나의 신경망입니다 — 마지막 가중치를 학습이 가장 많이 움직인 두 방향으로 옮긴 것입니다. 색의 진하기는 그 신경망의 학습 이미지 1,000개에 대한 &lt;b&gt;손실&lt;/b&gt;이고, 선은 가중치가 지나간 길, 점은 타임라인이 보여 주는 순간입니다. &lt;b&gt;학습률&lt;/b&gt;이 너무 높으면 골짜기를 건너뛰고, 너무 낮으면 기어갑니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="170"/>
        <source>&lt;p&gt;&lt;b&gt;Neuron inspector&lt;/b&gt;: click a neuron in the network to see its weighted input z, its activation a and its weights — at the moment the timeline shows.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;뉴런 살펴보기&lt;/b&gt;: 신경망의 뉴런을 클릭하면 그 뉴런의 가중 입력 z, 활성화 a, 가중치를 타임라인이 보여 주는 순간의 값으로 볼 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="173"/>
        <source>&lt;p&gt;&lt;b&gt;Two runs compared&lt;/b&gt; at the same moment: the same digit, the same step, two settings — which one learned faster, and how.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;두 번의 학습 비교&lt;/b&gt;: 같은 순간, 같은 숫자, 같은 단계에서 설정만 다른 두 학습을 봅니다. 어느 쪽이 더 적은 단계로 배웠고, 어떻게 배웠을까요?&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="177"/>
        <source>Learning curves</source>
        <translation>학습 곡선</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="181"/>
        <source>Histograms</source>
        <translation>히스토그램</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="182"/>
        <source>Weight histograms</source>
        <translation>가중치 히스토그램</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="183"/>
        <source>Compare runs</source>
        <translation>학습 비교</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="184"/>
        <source>Neuron</source>
        <translation>뉴런</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="185"/>
        <source>Neuron inspector: the neuron chosen in the network, at the moment the timeline shows</source>
        <translation>뉴런 살펴보기: 신경망에서 고른 뉴런을 타임라인이 보여 주는 순간의 값으로 봅니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="190"/>
        <source>Over time</source>
        <translation>과정</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="191"/>
        <source>The run over time: when did it learn each digit (Answers), and the path the weights took over the loss (Landscape)</source>
        <translation>시간에 따른 학습: 각 숫자를 언제 배웠는지(답)와 가중치가 손실 위를 지나간 길(손실 지형)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="193"/>
        <source>Answers</source>
        <translation>답</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="195"/>
        <source>When did it learn it? The network&apos;s answer for the pad&apos;s digit and pinned digits at every recorded moment</source>
        <translation>언제 배웠을까요? 기록된 모든 순간에 패드의 숫자와 고정한 숫자에 대한 신경망의 답</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="197"/>
        <source>Landscape</source>
        <translation>손실 지형</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="199"/>
        <source>The loss landscape: the loss on the plane the weights moved through, with the path the run took</source>
        <translation>손실 지형: 가중치가 지나간 평면 위의 손실과 학습이 지나간 길</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="235"/>
        <source>Doctor</source>
        <translation>진단</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/page.py" line="236"/>
        <source>The training doctor: what went wrong in this run, where it began, and a fix to replay</source>
        <translation>학습 진단: 이 학습에서 무엇이 잘못되었는지, 어디서 시작되었는지, 다시 학습해 볼 해결책</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../annviz/gui/training/panel.py" line="131"/>
        <source>Unsaved network</source>
        <translation>저장하지 않은 신경망</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/panel.py" line="132"/>
        <source>The network you trained has not been saved. Save it before it is lost?</source>
        <translation>학습한 신경망을 아직 저장하지 않았습니다. 잃기 전에 저장할까요?</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/panel.py" line="137"/>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/panel.py" line="217"/>
        <source>Training failed</source>
        <translation>학습 실패</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/panel.py" line="226"/>
        <source>Save the trained network</source>
        <translation>학습한 신경망 저장</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/panel.py" line="235"/>
        <source>Could not save {path}: {error}</source>
        <translation>{path}에 저장할 수 없습니다: {error}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/panel.py" line="249"/>
        <source>Presets…</source>
        <translation>미리 준비된 설정…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/panel.py" line="253"/>
        <source>Settings that each teach something: the lecture notes&apos; 784-16-16-10 network, a learning rate too high, overfitting …</source>
        <translation>저마다 무언가를 가르쳐 주는 설정: 강의 노트의 784-16-16-10 신경망, 너무 큰 학습률, 과적합 …</translation>
    </message>
</context>
<context>
    <name>TrainingPresets</name>
    <message>
        <location filename="../../annviz/gui/training/presets.py" line="27"/>
        <source>The lecture notes&apos; network (784-16-16-10 sigmoid)</source>
        <translation>강의 노트의 신경망 (784-16-16-10 시그모이드)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/presets.py" line="28"/>
        <source>98.5 % before the bell (ReLU + Adam, one cycle)</source>
        <translation>종 치기 전에 98.5 % (ReLU + Adam, 원 사이클)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/presets.py" line="29"/>
        <source>Too high a learning rate</source>
        <translation>너무 높은 학습률</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/presets.py" line="30"/>
        <source>No hidden layer (a linear classifier)</source>
        <translation>은닉층 없음 (선형 분류기)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/presets.py" line="36"/>
        <source>Two hidden layers of 16 sigmoid neurons, as in the lecture notes: watch the weight pictures turn from noise into strokes.</source>
        <translation>강의 노트처럼 시그모이드 뉴런 16개짜리 은닉층 두 개: 가중치 그림이 잡음에서 획으로 바뀌는 것을 지켜보세요.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/presets.py" line="39"/>
        <source>One hidden layer of 512 ReLU neurons, Adam, the learning rate up and down in one cycle, softened labels: 98.5 % test accuracy in seconds. Watch the time to 98.5 % under the curves.</source>
        <translation>ReLU 뉴런 512개의 은닉층 하나, Adam, 한 사이클 동안 올랐다 내려가는 학습률, 부드럽게 만든 레이블: 몇 초 만에 테스트 정확도 98.5 %. 곡선 아래에 98.5 %까지 걸린 시간이 나옵니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/presets.py" line="43"/>
        <source>The same small network with η = 1000 and squared error: each step overshoots, the loss climbs, and training stops.</source>
        <translation>같은 작은 신경망에 η = 1000과 제곱 오차: 단계마다 지나치게 움직여 손실이 오르고 학습이 멈춥니다.</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/presets.py" line="46"/>
        <source>Each output neuron weighs the 784 pixels directly: one template per class, about 92 % at best.</source>
        <translation>출력 뉴런마다 784개 픽셀에 직접 가중치를 줍니다: 클래스마다 본보기 하나, 잘해야 약 92 %.</translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="40"/>
        <source>MNIST (handwritten digits)</source>
        <translation>MNIST (손글씨 숫자)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="41"/>
        <source>Fashion-MNIST (clothing)</source>
        <translation>Fashion-MNIST (옷)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="225"/>
        <source>Choose a folder of IDX files</source>
        <translation>IDX 파일 폴더 고르기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="250"/>
        <source>IDX folder…</source>
        <translation>IDX 폴더…</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="253"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="253"/>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="253"/>
        <source>Learning</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="256"/>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="256"/>
        <source>Training examples</source>
        <translation>학습 예제 수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="257"/>
        <source>Validation share</source>
        <translation>검증용 비율</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="257"/>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="258"/>
        <source>Initial weights</source>
        <translation>초기 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="258"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="259"/>
        <source>Optimizer</source>
        <translation>최적화 방법</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="259"/>
        <source>Learning rate η</source>
        <translation>학습률 η</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="260"/>
        <source>Momentum μ</source>
        <translation>모멘텀 μ</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="260"/>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="261"/>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="261"/>
        <source>L2 weight decay λ</source>
        <translation>L2 가중치 감쇠 λ</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="262"/>
        <source>η over the run</source>
        <translation>학습 중 η의 변화</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="262"/>
        <source>Label smoothing ε</source>
        <translation>레이블 스무딩 ε</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="264"/>
        <source>Augment (random shifts, turns and zooms)</source>
        <translation>데이터 증강 (무작위 이동, 회전, 확대)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="265"/>
        <source>Use only the first examples of the training set</source>
        <translation>학습 데이터의 앞쪽 예제만 사용합니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="266"/>
        <source>Held out from training to measure overfitting</source>
        <translation>과적합을 재려고 학습에서 빼 두는 예제</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="267"/>
        <source>Learning rate η: each mini-batch moves every weight w ← w − η ∂L/∂w; can change while training</source>
        <translation>학습률 η: 미니 배치마다 모든 가중치를 w ← w − η ∂L/∂w로 옮깁니다. 학습 중에도 바꿀 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="269"/>
        <source>The images and labels to learn from</source>
        <translation>배울 이미지와 레이블</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="270"/>
        <source>What is minimised: cross-entropy L = −log p_y, or the mean squared error L = ½ Σ (a − y)²</source>
        <translation>줄일 값: 교차 엔트로피 L = −log p_y, 또는 평균 제곱 오차 L = ½ Σ (a − y)²</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="272"/>
        <source>The random first weights: He, variance 2/n_in, for ReLU; Xavier, variance 2/(n_in + n_out), otherwise</source>
        <translation>무작위 초기 가중치: 렐루에는 He (분산 2/n_in), 나머지에는 Xavier (분산 2/(n_in + n_out))</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="274"/>
        <source>Seed of the first weights and of the order of the examples: the same seed, the same run</source>
        <translation>초기 가중치와 예의 순서를 정하는 시드: 시드가 같으면 학습도 같습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="276"/>
        <source>How the gradient moves the weights: SGD w ← w − η g; momentum v ← μ v − η g, w ← w + v; Adam with β₁ = 0.9, β₂ = 0.999</source>
        <translation>기울기가 가중치를 움직이는 방법: SGD w ← w − η g, 모멘텀 v ← μ v − η g, w ← w + v, Adam (β₁ = 0.9, β₂ = 0.999)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="278"/>
        <source>Momentum μ: v ← μ v − η ∂L/∂w, w ← w + v (for the momentum optimizer)</source>
        <translation>모멘텀 μ: v ← μ v − η ∂L/∂w, w ← w + v (모멘텀 옵티마이저에서)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="279"/>
        <source>Examples per mini-batch: the gradient is their average</source>
        <translation>미니 배치마다의 예 수: 기울기는 그 평균입니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="280"/>
        <source>Passes over all the training examples</source>
        <translation>모든 학습 예를 훑는 횟수</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="281"/>
        <source>L2 weight decay λ: the loss gets + ½ λ Σ w², each step w ← w − η (∂L/∂w + λ w); can change while training</source>
        <translation>L2 가중치 감쇠 λ: 손실에 + ½ λ Σ w²가 더해져 걸음마다 w ← w − η (∂L/∂w + λ w). 학습 중에도 바꿀 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="283"/>
        <source>How η changes over the run: constant; a cosine from η down to 0; or one cycle, from η/25 up to η in the first quarter of the batches, then down to almost 0 (fast and stable)</source>
        <translation>학습 중 η가 바뀌는 방식: 일정; η에서 0까지 코사인으로 감소; 또는 원 사이클: 처음 4분의 1의 배치 동안 η/25에서 η까지 올라간 뒤 거의 0까지 내려갑니다 (빠르고 안정적)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="286"/>
        <source>Label smoothing ε: cross-entropy aims at 1 − ε for the true class and spreads ε over all the classes, so the network is never pushed to be 100 % sure</source>
        <translation>레이블 스무딩 ε: 교차 엔트로피가 정답 클래스에는 1 − ε를 목표로 하고 ε는 모든 클래스에 나누어 주므로, 신경망이 100 % 확신하도록 내몰리지 않습니다</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/settings.py" line="289"/>
        <source>Each batch sees its images moved, turned and zoomed a little: more varied examples, less overfitting</source>
        <translation>배치마다 이미지를 조금씩 옮기고 돌리고 확대합니다: 예가 다양해져 과적합이 줄어듭니다</translation>
    </message>
</context>
<context>
    <name>WeightHistograms</name>
    <message>
        <location filename="../../annviz/gui/training/weight_histograms.py" line="181"/>
        <source>Layer {n}: {a} → {b}</source>
        <translation>층 {n}: {a} → {b}</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/weight_histograms.py" line="183"/>
        <source>weight w</source>
        <translation>가중치 w</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/weight_histograms.py" line="192"/>
        <source>Weights per layer: grey = at the start, blue = now</source>
        <translation>층별 가중치: 회색 = 처음, 파랑 = 지금</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/weight_histograms.py" line="194"/>
        <source>filled blue: the weights now</source>
        <translation>채운 파랑: 지금의 가중치</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/weight_histograms.py" line="196"/>
        <source>grey outline: at the start of the run (batch 0; for a model opened, when it was opened)</source>
        <translation>회색 윤곽선: 학습을 시작할 때 (배치 0; 연 모델은 열었을 때)</translation>
    </message>
    <message>
        <location filename="../../annviz/gui/training/weight_histograms.py" line="197"/>
        <source>height: share of the layer&apos;s weights in each bin</source>
        <translation>높이: 구간마다 그 층 가중치의 비율</translation>
    </message>
</context>
</TS>
