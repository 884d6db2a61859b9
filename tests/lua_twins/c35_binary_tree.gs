// binary search tree: insert, in-order traversal, height, search
func insert(node, k) {
    if node == nil { return {key: k} }
    if k < node.key { node.left = insert(node.left, k) } elseif k > node.key { node.right = insert(node.right, k) }
    return node
}
func inorder(node, out) { if node { inorder(node.left, out); out[#out + 1] = node.key; inorder(node.right, out) }; return out }
func height(node) { if !node { return 0 }; return 1 + math.max(height(node.left), height(node.right)) }
func find(node, k, depth) {
    depth = depth || 1
    if !node { return nil }
    if k == node.key { return depth }
    if k < node.key { return find(node.left, k, depth + 1) }
    return find(node.right, k, depth + 1)
}
root := nil
keys := {50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 10, 90, 55}
for i, k := range ipairs(keys) { root = insert(root, k); print("insert", k, height(root)) }
print(table.concat(inorder(root, {}), " "))
for _, k := range ipairs({10, 45, 55, 99, 50}) { print("find", k, find(root, k)) }
