from multiprocessing import Queue

if __name__ == '__main__':
    q = Queue()

    order = {'状态': '已下单'}
    q.put(order)
    order['状态'] = '已取消'  # put() 返回之后才修改
    print('收到:', q.get())

    q.put(lambda x: x * 2)  # lambda 不能被 pickle 序列化，put() 却照常返回
    q.close()        # 不再放入消息
    q.join_thread()  # 等馈送线程把缓冲区里的消息处理完
    print('put(lambda) 正常返回，馈送线程也结束了，主线程没有收到任何异常')
