"""bianmin: the township convenience service center's WeChat front door."""
