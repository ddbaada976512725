import queue            # queue.Full是队列满了的异常，捕获异常时使用
from multiprocessing import Queue

q = Queue(3)  # 初始化一个Queue对象，最多可接收三条put消息
q.put("消息1")
q.put("消息2")
print(q.full())  # False
q.put("消息3")
print(q.full())  # True

# 因为消息队列已满，故可使用try...except捕获队列已满异常
# 第一个try会等待0.5秒后再抛出异常，第二个try会立刻抛出异常
try:
    q.put("消息4", True, 0.5)
except queue.Full:  # 捕获队列已满异常
    print("消息队列已满，现有消息数量:%s" % q.qsize())

try:
    q.put_nowait("消息4")
except queue.Full:
    print("消息队列已满，现有消息数量:%s" % q.qsize())

# 先判断再写入：只有这一个进程使用队列，判断的结果才靠得住
if not q.full():
    q.put_nowait("消息4")

# 读取消息时，先判断消息队列是否为空，再读取
if not q.empty():
    for _ in range(q.qsize()):
        print(q.get_nowait())
