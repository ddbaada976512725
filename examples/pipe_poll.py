import time
from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def answer_slowly(conn: Connection) -> None:
    question = conn.recv()
    time.sleep(0.2)  # 算了 0.2 秒
    conn.send('%s的结果' % question)


if __name__ == '__main__':
    parent_conn, child_conn = Pipe()
    p = Process(target=answer_slowly, args=(child_conn,))
    p.start()
    print('poll() 不等待：%s' % parent_conn.poll())
    print('poll(0.05) 等 0.05 秒：%s' % parent_conn.poll(0.05))
    parent_conn.send('任务')
    print('poll(5) 最多等 5 秒：%s' % parent_conn.poll(5))  # 数据一到就返回 True
    print('recv() 立即返回：%s' % parent_conn.recv())
    p.join()
