"""Contact sources (baresip, Asterisk AMI, local HTTP hook, simulator) producing `ContactEvent`s."""
